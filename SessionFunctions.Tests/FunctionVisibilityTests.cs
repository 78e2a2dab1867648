using System.Reflection;
using Microsoft.Azure.Functions.Worker;

namespace SessionFunctions.Tests;

/// <summary>
/// The Functions SDK's generated executor calls a function directly only when its class, constructor and method are
/// public. Anything else goes through the worker's reflection fallback, which compiles an expression tree on every
/// invocation: measured here as a fifth of a sign-out's CPU (docs/performance.md). A new function must be public.
/// </summary>
public sealed class FunctionVisibilityTests
{
    private static readonly MethodInfo[] Functions = typeof(SessionFunctionsApp).Assembly.GetTypes()
        .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
        .Where(m => m.GetCustomAttribute<FunctionAttribute>() is not null)
        .ToArray();

    [Fact]
    public void Every_function_class_constructor_and_method_is_public_so_the_generated_executor_calls_it_directly()
    {
        Assert.Equal(["RevocationCleanup", "SignOut"], Functions.Select(m => m.GetCustomAttribute<FunctionAttribute>()!.Name).Order());
        Assert.All(Functions, method =>
        {
            var type = method.DeclaringType!;
            Assert.True(type.IsPublic, $"{type.FullName} must be public");
            Assert.True(method.IsPublic, $"{type.FullName}.{method.Name} must be public");
            Assert.Contains(type.GetConstructors(), c => c.IsPublic);
        });
    }
}
