using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;

namespace NcrsGateway.Audit.Storage;

/// <summary>Keyset position (recorded, id) of the last row of a page, as an opaque URL-safe string.</summary>
internal sealed record AuditCursor(DateTimeOffset Recorded, Guid Id)
{
    public string Encode()
    {
        Span<byte> bytes = stackalloc byte[24];
        BinaryPrimitives.WriteInt64BigEndian(bytes, Recorded.UtcTicks);
        Id.TryWriteBytes(bytes[8..]);
        return Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    public static bool TryDecode(string? text, [NotNullWhen(true)] out AuditCursor? cursor)
    {
        cursor = null;
        if (text is not { Length: 32 })
        {
            return false;
        }

        Span<byte> bytes = stackalloc byte[24];
        if (!Convert.TryFromBase64String(text.Replace('-', '+').Replace('_', '/'), bytes, out var written) || written != 24)
        {
            return false;
        }

        var ticks = BinaryPrimitives.ReadInt64BigEndian(bytes);
        if (ticks < DateTimeOffset.MinValue.UtcTicks || ticks > DateTimeOffset.MaxValue.UtcTicks)
        {
            return false;
        }

        cursor = new AuditCursor(new DateTimeOffset(ticks, TimeSpan.Zero), new Guid(bytes[8..]));
        return true;
    }
}
