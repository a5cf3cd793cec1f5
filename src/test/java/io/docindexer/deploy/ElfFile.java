package io.docindexer.deploy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a Lambda layer check needs from a 64-bit little-endian ELF shared object (x86_64 and
 * aarch64 both are), read in plain Java so the check runs wherever the build does: the machine
 * type, the DT_NEEDED libraries, and the symbol versions it requires from them (.gnu.version_r,
 * e.g. GLIBC_2.34), which decide the oldest glibc it loads on.
 */
record ElfFile(int machine, List<String> needed, Set<String> requiredVersions) {

    static final int EM_X86_64 = 62;
    static final int EM_AARCH64 = 183;

    private static final int SHT_DYNAMIC = 6;
    private static final int SHT_GNU_VERNEED = 0x6ffffffe;
    private static final long DT_NULL = 0;
    private static final long DT_NEEDED = 1;

    static boolean isElf(Path file) throws IOException {
        byte[] magic = new byte[4];
        try (var in = Files.newInputStream(file)) {
            return in.readNBytes(magic, 0, 4) == 4
                    && magic[0] == 0x7f
                    && magic[1] == 'E'
                    && magic[2] == 'L'
                    && magic[3] == 'F';
        }
    }

    static ElfFile read(Path file) throws IOException {
        ByteBuffer elf = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        if (!isElf(file) || elf.get(4) != 2 || elf.get(5) != 1) {
            throw new IOException(file + " is not a 64-bit little-endian ELF file");
        }
        int machine = Short.toUnsignedInt(elf.getShort(18));
        long sectionsAt = elf.getLong(0x28);
        int sectionSize = Short.toUnsignedInt(elf.getShort(0x3a));
        int sectionCount = Short.toUnsignedInt(elf.getShort(0x3c));
        List<String> needed = new ArrayList<>();
        Set<String> versions = new TreeSet<>();
        for (int i = 0; i < sectionCount; i++) {
            Section section = Section.at(elf, sectionsAt + (long) i * sectionSize);
            if (section.type() == SHT_DYNAMIC) {
                readNeeded(elf, section, Section.at(elf, sectionsAt + (long) section.link() * sectionSize), needed);
            } else if (section.type() == SHT_GNU_VERNEED) {
                readVersionNeeds(
                        elf, section, Section.at(elf, sectionsAt + (long) section.link() * sectionSize), versions);
            }
        }
        return new ElfFile(machine, List.copyOf(needed), Set.copyOf(versions));
    }

    /** Elf64_Shdr: the fields used here. */
    private record Section(int type, long offset, long size, int link, int info) {
        static Section at(ByteBuffer elf, long at) {
            int base = Math.toIntExact(at);
            return new Section(
                    elf.getInt(base + 4),
                    elf.getLong(base + 0x18),
                    elf.getLong(base + 0x20),
                    elf.getInt(base + 0x28),
                    elf.getInt(base + 0x2c));
        }
    }

    /** Elf64_Dyn entries (tag, value), 16 bytes each, up to DT_NULL. */
    private static void readNeeded(ByteBuffer elf, Section dynamic, Section strings, List<String> needed) {
        for (long at = dynamic.offset(); at < dynamic.offset() + dynamic.size(); at += 16) {
            long tag = elf.getLong(Math.toIntExact(at));
            if (tag == DT_NULL) {
                return;
            }
            if (tag == DT_NEEDED) {
                needed.add(string(elf, strings, elf.getLong(Math.toIntExact(at + 8))));
            }
        }
    }

    /**
     * Elf64_Verneed (version, count, file, aux, next) per library, each with a chain of
     * Elf64_Vernaux (hash, flags, other, name, next); sh_info holds the number of Verneed entries.
     */
    private static void readVersionNeeds(ByteBuffer elf, Section verneed, Section strings, Set<String> versions) {
        int entry = Math.toIntExact(verneed.offset());
        for (int i = 0; i < verneed.info(); i++) {
            int count = Short.toUnsignedInt(elf.getShort(entry + 2));
            int aux = entry + elf.getInt(entry + 8);
            for (int j = 0; j < count; j++) {
                versions.add(string(elf, strings, Integer.toUnsignedLong(elf.getInt(aux + 8))));
                aux += elf.getInt(aux + 12);
            }
            entry += elf.getInt(entry + 12);
        }
    }

    private static String string(ByteBuffer elf, Section strings, long index) {
        int start = Math.toIntExact(strings.offset() + index);
        int end = start;
        while (elf.get(end) != 0) {
            end++;
        }
        byte[] bytes = new byte[end - start];
        elf.get(start, bytes);
        return new String(bytes, StandardCharsets.US_ASCII);
    }
}
