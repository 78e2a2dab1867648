using Microsoft.AspNetCore.Http;

namespace SessionFunctions.Testing;

/// <summary>What a client receives from one sign-out: the HTTP status, the headers and the body's bytes.</summary>
public sealed record SignOutAnswer(int Status, IHeaderDictionary Headers, byte[] Body);
