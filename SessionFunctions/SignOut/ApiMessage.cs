namespace SessionFunctions.SignOut;

/// <summary>A <c>msg</c> for the user and the <see cref="ApiCode"/> it is answered with; all of them are in <see cref="ApiMessages"/>.</summary>
public sealed record ApiMessage(int Code, string Text)
{
    /// <summary>This message naming one JSON property, e.g. <c>state must be a string.</c></summary>
    public ApiMessage ForField(string field) => this with { Text = Text.Replace(ApiMessages.FieldPlaceholder, field, StringComparison.Ordinal) };
}
