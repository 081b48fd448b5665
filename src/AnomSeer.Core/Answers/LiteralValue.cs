namespace AnomSeer.Answers;

/// <summary>A value read by <see cref="LiteralParser"/>: a JSON / Python literal.</summary>
internal abstract record LiteralValue
{
    /// <summary>A list, tuple or <c>array([...])</c>.</summary>
    internal sealed record List(IReadOnlyList<LiteralValue> Items) : LiteralValue;

    /// <summary>A dict / JSON object, keys in order of appearance.</summary>
    internal sealed record Dict(IReadOnlyList<KeyValuePair<LiteralValue, LiteralValue>> Entries) : LiteralValue
    {
        /// <summary>The value of the first entry whose key is the string <paramref name="key"/>.</summary>
        public LiteralValue? Get(string key)
        {
            foreach (var e in Entries)
                if (e.Key is Str s && s.Value == key) return e.Value;
            return null;
        }
    }

    /// <summary>A number (ints and floats alike; NaN and infinities allowed).</summary>
    internal sealed record Number(double Value) : LiteralValue;

    /// <summary>A string.</summary>
    internal sealed record Str(string Value) : LiteralValue;

    /// <summary>True / False (they are the integers 1 and 0 in Python).</summary>
    internal sealed record Bool(bool Value) : LiteralValue;

    /// <summary>None / null.</summary>
    internal sealed record Null : LiteralValue;
}
