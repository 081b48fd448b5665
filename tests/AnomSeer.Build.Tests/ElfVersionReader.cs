namespace AnomSeer.Build.Tests;

/// <summary>
/// An independent reader of ELF64 version requirements, used to check what the MSBuild task wrote.
/// </summary>
internal static class ElfVersionReader
{
    /// <summary>Whether the named version requirement is weak, and how many symbols still point at its index.</summary>
    public static (bool Weak, int SymbolsStillBound)? Read(byte[] b, string versionName)
    {
        ulong shoff = BitConverter.ToUInt64(b, 0x28);
        int shentsize = BitConverter.ToUInt16(b, 0x3A), shnum = BitConverter.ToUInt16(b, 0x3C);
        (ulong Off, ulong Size, uint Link, uint Info)? verneed = null, versym = null;
        ulong[] offsets = new ulong[shnum];
        for (int i = 0; i < shnum; i++)
        {
            int h = (int)shoff + i * shentsize;
            uint type = BitConverter.ToUInt32(b, h + 4);
            offsets[i] = BitConverter.ToUInt64(b, h + 24);
            var sec = (BitConverter.ToUInt64(b, h + 24), BitConverter.ToUInt64(b, h + 32), BitConverter.ToUInt32(b, h + 40), BitConverter.ToUInt32(b, h + 44));
            if (type == 0x6ffffffe) verneed = sec;
            if (type == 0x6fffffff) versym = sec;
        }
        if (verneed is null || versym is null) return null;
        ulong strtab = offsets[verneed.Value.Link];
        int vn = (int)verneed.Value.Off;
        for (uint n = 0; n < verneed.Value.Info; n++)
        {
            int cnt = BitConverter.ToUInt16(b, vn + 2);
            int aux = vn + (int)BitConverter.ToUInt32(b, vn + 8);
            for (int a = 0; a < cnt; a++)
            {
                int flags = BitConverter.ToUInt16(b, aux + 4), other = BitConverter.ToUInt16(b, aux + 6);
                int name = (int)strtab + (int)BitConverter.ToUInt32(b, aux + 8);
                int end = Array.IndexOf(b, (byte)0, name);
                if (System.Text.Encoding.ASCII.GetString(b, name, end - name) == versionName)
                {
                    int bound = 0;
                    for (int p = (int)versym.Value.Off; p < (int)(versym.Value.Off + versym.Value.Size); p += 2)
                        if ((BitConverter.ToUInt16(b, p) & 0x7fff) == other) bound++;
                    return ((flags & 2) != 0, bound);
                }
                aux += (int)BitConverter.ToUInt32(b, aux + 12);
            }
            vn += (int)BitConverter.ToUInt32(b, vn + 12);
        }
        return null;
    }
}
