using System.Reflection;

namespace SessionFunctions.Tests;

/// <summary>
/// <c>tools/test.sh</c> counts the Azurite integration tests by their trait (<c>Uses=Azurite</c>) and fails when none
/// ran; the folder <c>&lt;Feature&gt;/Azurite/</c> says the same to a reader. The two must not drift apart, or the
/// count would claim tests that never touched Azurite, or miss some that did.
/// </summary>
public sealed class TestLayoutTests
{
    private static readonly Type[] TestClasses = typeof(TestLayoutTests).Assembly.GetTypes()
        .Where(t => t.GetMethods().Any(m => m.GetCustomAttribute<FactAttribute>() is not null))
        .ToArray();

    [Fact]
    public void A_test_class_uses_azurite_exactly_when_it_sits_in_an_azurite_folder_and_carries_the_trait()
    {
        Assert.Contains(TestClasses, UsesAzurite);
        Assert.All(TestClasses, type =>
        {
            var inFolder = type.Namespace?.EndsWith(".Azurite", StringComparison.Ordinal) == true;
            var inCollection = type.GetCustomAttribute<CollectionAttribute>() is not null
                && type.GetConstructors().Any(c => c.GetParameters().Any(p => p.ParameterType == typeof(AzuriteFixture)));
            Assert.True(inFolder == UsesAzurite(type), $"{type.FullName}: in an Azurite folder {inFolder}, trait Uses=Azurite {UsesAzurite(type)}");
            Assert.True(!inCollection || UsesAzurite(type), $"{type.FullName} takes the Azurite fixture without the trait Uses=Azurite");
        });
    }

    private static bool UsesAzurite(Type type) =>
        type.GetCustomAttributesData().Any(a => a.AttributeType == typeof(TraitAttribute)
            && a.ConstructorArguments.Select(arg => arg.Value as string).SequenceEqual(["Uses", "Azurite"]));
}
