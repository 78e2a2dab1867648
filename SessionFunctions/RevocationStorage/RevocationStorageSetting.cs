namespace SessionFunctions.RevocationStorage;

/// <summary>
/// The <c>RevocationStorage</c> app setting as a start-up check: it has no values of its own (the Azure client
/// factory reads the setting), only <see cref="RevocationStorageSettingValidator"/>, which builds the table client once.
/// </summary>
public sealed class RevocationStorageSetting;
