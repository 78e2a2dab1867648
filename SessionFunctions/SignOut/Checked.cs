using System.Diagnostics.CodeAnalysis;

namespace SessionFunctions.SignOut;

/// <summary>
/// The result of one check on the way to a sign-out: the accepted value, or the <see cref="SignOut.Rejection"/> that
/// ends the request. The compiler follows <see cref="IsAccepted"/>, so neither side needs a <c>!</c>.
/// </summary>
public readonly struct Checked<T>
    where T : class
{
    internal Checked(T? value, Rejection? rejection)
    {
        Value = value;
        Rejection = rejection;
    }

    public T? Value { get; }

    public Rejection? Rejection { get; }

    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Rejection))]
    public bool IsAccepted => Value is not null;
}

/// <summary>Makes a <see cref="Checked{T}"/>.</summary>
public static class Checked
{
    public static Checked<T> Accept<T>(T value)
        where T : class => new(value ?? throw new ArgumentNullException(nameof(value)), null);

    public static Checked<T> Reject<T>(Rejection rejection)
        where T : class => new(null, rejection ?? throw new ArgumentNullException(nameof(rejection)));
}
