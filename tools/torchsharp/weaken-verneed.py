#!/usr/bin/env python3
"""Sets VER_FLG_WEAK on one version requirement (Vernaux) of an ELF64 little-endian shared object.

Usage: weaken-verneed.py FILE VERSION   (e.g. libLibTorchSharp.so GLIBCXX_3.4.32)
Walks .gnu.version_r (SHT_GNU_verneed) -> Verneed -> Vernaux and ORs 0x2 into vna_flags of the entry
named VERSION, so the dynamic loader accepts a libstdc++ that lacks it. Prints what it did; idempotent.
"""
import struct
import sys

SHT_GNU_VERNEED = 0x6FFFFFFE
VER_FLG_WEAK = 0x2


def main(path: str, version: str) -> int:
    with open(path, "r+b") as f:
        data = bytearray(f.read())
        if data[:4] != b"\x7fELF" or data[4] != 2 or data[5] != 1:
            print(f"{path}: not an ELF64 little-endian file", file=sys.stderr)
            return 1
        shoff, = struct.unpack_from("<Q", data, 0x28)
        shentsize, shnum = struct.unpack_from("<HH", data, 0x3A)
        sections = [struct.unpack_from("<IIQQQQIIQQ", data, shoff + i * shentsize) for i in range(shnum)]
        for _, sh_type, _, _, offset, _, link, info, _, _ in sections:
            if sh_type != SHT_GNU_VERNEED:
                continue
            strtab = sections[link][4]
            need = offset
            for _ in range(info):
                _, vn_cnt, _, vn_aux, vn_next = struct.unpack_from("<HHIII", data, need)
                aux = need + vn_aux
                for _ in range(vn_cnt):
                    _, flags, _, name, vna_next = struct.unpack_from("<IHHII", data, aux)
                    end = data.index(b"\0", strtab + name)
                    if data[strtab + name:end].decode() == version:
                        if flags & VER_FLG_WEAK:
                            print(f"{path}: {version} already weak")
                        else:
                            struct.pack_into("<H", data, aux + 4, flags | VER_FLG_WEAK)
                            f.seek(0)
                            f.write(data)
                            print(f"{path}: {version} marked weak")
                        return 0
                    aux += vna_next
                need += vn_next
    print(f"{path}: no version requirement {version}; nothing to do")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
