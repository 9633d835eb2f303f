namespace VideoConf.Server.Outcomes;

/// <summary>
/// What a service action came to: its value when it happened, or the <see cref="Outcomes.Failure"/> saying why not.
/// Both convert implicitly, so an action simply returns either.
/// </summary>
internal readonly struct Outcome<T>
    where T : class
{
    private Outcome(T? value, Failure? failure)
    {
        Value = value;
        Failure = failure;
    }

    /// <summary>The result; null exactly when <see cref="Failure"/> is set.</summary>
    public T? Value { get; }

    public Failure? Failure { get; }

    public static implicit operator Outcome<T>(T value) => new(value, null);

    public static implicit operator Outcome<T>(Failure failure) => new(null, failure);
}
