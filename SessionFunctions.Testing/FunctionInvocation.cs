using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using SessionFunctions.SignOut;

namespace SessionFunctions.Testing;

/// <summary>
/// One call of an HTTP function the way the worker makes it for a public function: a service scope per invocation,
/// the instance from the activator, its method, then the result executed against the <see cref="HttpContext"/>.
/// The tests, the tool's in-process commands and the cost measurement (sign-out and its one-insert floor) all call
/// functions through here.
/// </summary>
public static class FunctionInvocation
{
    /// <summary>One sign-out: <see cref="SignOutFunction.RunAsync"/> called as the worker calls it.</summary>
    public static Task<FunctionAnswer> SignOutAsync(IServiceProvider services, Action<HttpRequest> request, CancellationToken cancellationToken = default) =>
        InvokeAsync<SignOutFunction>(services, request, static (function, httpRequest, ct) => function.RunAsync(httpRequest, ct), cancellationToken);

    public static async Task<FunctionAnswer> InvokeAsync<TFunction>(
        IServiceProvider services,
        Action<HttpRequest> request,
        Func<TFunction, HttpRequest, CancellationToken, Task<IActionResult>> run,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(run);
        await using var scope = services.CreateAsyncScope();
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        context.Request.Method = HttpMethods.Delete;
        context.Request.Path = "/session/token";
        request(context.Request);
        using var response = new MemoryStream();
        context.Response.Body = response;

        var function = ActivatorUtilities.CreateInstance<TFunction>(scope.ServiceProvider);
        var result = await run(function, context.Request, cancellationToken).ConfigureAwait(false);
        await result.ExecuteResultAsync(new ActionContext(context, new RouteData(), new ActionDescriptor())).ConfigureAwait(false);
        return new FunctionAnswer(context.Response.StatusCode, context.Response.Headers, response.ToArray());
    }
}
