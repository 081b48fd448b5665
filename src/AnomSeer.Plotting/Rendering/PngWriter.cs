using System.Buffers;
using System.Buffers.Binary;
using System.IO.Compression;

namespace AnomSeer.Plotting.Rendering;

/// <summary>
/// A minimal PNG encoder for opaque images: 8-bit RGB, no interlacing, every row with the "Sub" filter, compressed with
/// the zlib built into .NET (zlib-ng). On plots (long runs of background) Sub compresses about as well as choosing among
/// all five filters, and zlib-ng's fast levels are several times quicker than libpng's. Deterministic for a given input,
/// level and .NET runtime.
/// </summary>
internal static class PngWriter
{
    private static ReadOnlySpan<byte> Signature => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    private static readonly uint[] CrcTable = BuildCrcTable();

    internal static byte[] Encode(ReadOnlySpan<byte> rgba, int width, int height, int zlibLevel)
    {
        using var ms = new MemoryStream(32 * 1024);
        Encode(rgba, width, height, zlibLevel, ms);
        return ms.ToArray();
    }

    internal static void Encode(ReadOnlySpan<byte> rgba, int width, int height, int zlibLevel, Stream destination)
    {
        destination.Write(Signature);

        Span<byte> ihdr = stackalloc byte[13];
        BinaryPrimitives.WriteInt32BigEndian(ihdr, width);
        BinaryPrimitives.WriteInt32BigEndian(ihdr[4..], height);
        ihdr[8] = 8;   // bit depth
        ihdr[9] = 2;   // colour type: RGB
        ihdr[10] = 0;  // deflate
        ihdr[11] = 0;  // adaptive filtering (per-row filter byte)
        ihdr[12] = 0;  // no interlace
        WriteChunk(destination, "IHDR"u8, ihdr);

        using (var idat = new MemoryStream(64 * 1024))
        {
            using (var z = new ZLibStream(idat, new ZLibCompressionOptions { CompressionLevel = zlibLevel }, leaveOpen: true))
            {
                int rowBytes = 1 + 3 * width;
                byte[] row = ArrayPool<byte>.Shared.Rent(rowBytes);
                try
                {
                    for (int y = 0; y < height; y++)
                    {
                        FilterSubRow(rgba.Slice(y * width * 4, width * 4), row.AsSpan(0, rowBytes));
                        z.Write(row, 0, rowBytes);
                    }
                }
                finally
                {
                    ArrayPool<byte>.Shared.Return(row);
                }
            }
            WriteChunk(destination, "IDAT"u8, idat.GetBuffer().AsSpan(0, (int)idat.Length));
        }
        WriteChunk(destination, "IEND"u8, []);
    }

    /// <summary>Filter byte 1 (Sub), then each RGB byte minus the same channel of the pixel to its left (mod 256).</summary>
    private static void FilterSubRow(ReadOnlySpan<byte> rgbaRow, Span<byte> output)
    {
        output[0] = 1;
        byte pr = 0, pg = 0, pb = 0;
        for (int i = 0, o = 1; i < rgbaRow.Length; i += 4, o += 3)
        {
            byte r = rgbaRow[i], g = rgbaRow[i + 1], b = rgbaRow[i + 2];
            output[o] = (byte)(r - pr);
            output[o + 1] = (byte)(g - pg);
            output[o + 2] = (byte)(b - pb);
            pr = r;
            pg = g;
            pb = b;
        }
    }

    private static void WriteChunk(Stream s, ReadOnlySpan<byte> type, ReadOnlySpan<byte> data)
    {
        Span<byte> header = stackalloc byte[8];
        BinaryPrimitives.WriteInt32BigEndian(header, data.Length);
        type.CopyTo(header[4..]);
        s.Write(header);
        s.Write(data);
        uint crc = Crc(Crc(0xFFFFFFFFu, type), data) ^ 0xFFFFFFFFu;
        Span<byte> tail = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(tail, crc);
        s.Write(tail);
    }

    private static uint Crc(uint crc, ReadOnlySpan<byte> data)
    {
        var table = CrcTable;
        foreach (byte b in data) crc = table[(crc ^ b) & 0xFF] ^ (crc >> 8);
        return crc;
    }

    private static uint[] BuildCrcTable()
    {
        var t = new uint[256];
        for (uint n = 0; n < 256; n++)
        {
            uint c = n;
            for (int k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            t[n] = c;
        }
        return t;
    }
}
