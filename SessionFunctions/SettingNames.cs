using System.Text.RegularExpressions;

namespace SessionFunctions;

/// <summary>How an options member is spelled as an app setting: <c>Section__Member__0__Inner</c>.</summary>
internal static partial class SettingNames
{
    /// <summary><c>SigningKeys[0].Secret</c> in section <c>RefreshToken</c> is <c>RefreshToken__SigningKeys__0__Secret</c>.</summary>
    public static string Of(string section, string memberPath) =>
        section + "__" + Separators().Replace(memberPath.TrimEnd(']'), "__");

    /// <summary>
    /// "MaxRetries: The field RevocationOptions.MaxRetries must ..." becomes "The field Revocation__MaxRetries must ...".
    /// The member list in front is dropped: it is the bare member ("Secret" for <c>SigningKeys[0].Secret</c>), and
    /// every message names its setting itself.
    /// </summary>
    public static string Rename(string failure, string optionsTypeName, string section)
    {
        var qualified = new Regex($@"\b{Regex.Escape(optionsTypeName)}\.(?<path>[\w\[\]\.]+[\w\]])", RegexOptions.CultureInvariant);
        return qualified.Replace(MemberPrefix().Replace(failure, string.Empty), m => Of(section, m.Groups["path"].Value));
    }

    [GeneratedRegex(@"\]?\.|\[")]
    private static partial Regex Separators();

    // The member list the options validator puts before each failure ("SigningKeys[0].Secret: ...").
    [GeneratedRegex(@"^(?<members>[\w\[\]\.]+(?:, [\w\[\]\.]+)*): ")]
    private static partial Regex MemberPrefix();
}
