using Microsoft.AspNetCore.Http;

namespace SessionFunctions.Testing;

/// <summary>What a client receives from one call of an HTTP function: the status, the headers and the body's bytes.</summary>
public sealed record FunctionAnswer(int Status, IHeaderDictionary Headers, byte[] Body);
