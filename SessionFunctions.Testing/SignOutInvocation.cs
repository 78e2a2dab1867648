using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using SessionFunctions.SignOut;

namespace SessionFunctions.Testing;

/// <summary>
/// One call of the sign-out function the way the worker makes it for a public function: a service scope per
/// invocation, the instance from the activator, <see cref="SignOutFunction.RunAsync"/>, then the result executed
/// against the <see cref="HttpContext"/>. The tests, the tool's in-process commands and the cost measurement all
/// call the function through here.
/// </summary>
public static class SignOutInvocation
{
    public static async Task<SignOutAnswer> InvokeAsync(IServiceProvider services, Action<HttpRequest> request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        await using var scope = services.CreateAsyncScope();
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        context.Request.Method = HttpMethods.Delete;
        context.Request.Path = "/session/token";
        request(context.Request);
        using var response = new MemoryStream();
        context.Response.Body = response;

        var function = ActivatorUtilities.CreateInstance<SignOutFunction>(scope.ServiceProvider);
        var result = await function.RunAsync(context.Request, cancellationToken).ConfigureAwait(false);
        await result.ExecuteResultAsync(new ActionContext(context, new RouteData(), new ActionDescriptor())).ConfigureAwait(false);
        return new SignOutAnswer(context.Response.StatusCode, context.Response.Headers, response.ToArray());
    }
}
