"""QR encoding for certificates, several times faster than a general encoder.

Certificates always use the same settings: byte mode, UTF-8 declared with ECI 26, error
correction M, one fixed mask (qr.MASK). Everything that depends only on the version is worked out
once per version and kept: the function patterns, format and version information and the mask
(as one ready "base" symbol, built with segno's own pattern code), the order in which data bits
are placed, and the Reed-Solomon generator as a table of 256 precomputed remainders. Encoding a
payload is then: the bit stream as one integer, a remainder per block (one table lookup and one
integer shift per data byte), and a single C-level permutation of the bits into rows.

The result is bit for bit what `segno.make(text, encoding="utf-8", eci=True, error="m",
mask=MASK)` draws (tests/printing/test_qr_codec.py checks this), at a fraction of the time.
"""

from __future__ import annotations

import operator
from functools import cache

from segno import consts, encoder

LEVEL = consts.ERROR_LEVEL_M
ECI_UTF8 = 26


def _count_bits(version: int) -> int:
    """Width of the byte-mode character count: 8 bits up to version 9, then 16."""
    return 8 if version < 10 else 16


def version_for(data: bytes) -> int:
    """The smallest version at level M holding ECI + byte-mode header + `data`."""
    for version in range(1, 41):
        if 16 + _count_bits(version) + 8 * len(data) <= consts.SYMBOL_CAPACITY[version][LEVEL]:
            return version
    raise ValueError(f"QR payload too long ({len(data)} bytes)")


class _Version:
    """What encoding at one version needs, computed once."""

    def __init__(self, version: int, mask: int):
        self.version = version
        self.capacity = consts.SYMBOL_CAPACITY[version][LEVEL] // 8  # data codewords
        self.blocks = [
            (ec.num_data, ec.num_total - ec.num_data) for ec in consts.ECC[version][LEVEL] for _ in range(ec.num_blocks)
        ]
        self.tables = {e: _remainders(e) for _d, e in self.blocks}
        n = self.size = encoder.calc_matrix_size(version)
        free = encoder.make_matrix(n, n)
        encoder.add_finder_patterns(free, n, n)
        encoder.add_alignment_patterns(free, n, n)
        self.order = _placement(free)  # (row, col) of each message bit, in order
        total = sum(d + e for d, e in self.blocks) * 8
        self.interleave = operator.itemgetter(*_interleaving(self.blocks))
        self.bits = total
        # the symbol of an all-zero message: patterns, format and version info, and the mask
        base = [bytearray(row) for row in free]
        encoder.add_codewords(base, b"\0" * len(self.order), version)
        base = tuple(base)
        encoder.find_and_apply_best_mask(base, n, n, mask)
        encoder.add_format_info(base, version, LEVEL, mask)
        encoder.add_version_info(base, version)
        self.mask_bits = int("".join(str(base[i][j] & 1) for i, j in self.order[:total]), 2)
        # Row-major output, one "0" after each row (so runs never cross rows): each cell comes
        # from the base symbol's fixed characters or from the message bit placed there.
        fixed = "".join("".join(str(v & 1) for v in row) + "0" for row in base)
        where = {cell: k for k, cell in enumerate(self.order[:total])}
        width = n + 1
        source = [
            len(fixed) + where[(i, j)] if (i, j) in where else i * width + j for i in range(n) for j in range(width)
        ]
        self.fixed = fixed
        self.pick = operator.itemgetter(*source)
        # the same rows padded to whole bytes (the padding from each row's trailing "0"), for a
        # 1-bit image: one C-level pick, one int() and one to_bytes per symbol
        padded = (n + 7) // 8 * 8
        self.packed_bytes = n * padded // 8
        self.pick_packed = operator.itemgetter(
            *[source[i * width + min(j, n)] for i in range(n) for j in range(padded)]
        )

    def message(self, data: bytes) -> int:
        """The final message (data and error correction codewords, interleaved) as an integer."""
        head = (((0b0111 << 8 | ECI_UTF8) << 4 | 0b0100) << _count_bits(self.version)) | len(data)
        length = 16 + _count_bits(self.version) + 8 * len(data)
        stream = head << 8 * len(data) | int.from_bytes(data, "big")
        room = self.capacity * 8 - length
        term = min(room, 4)  # terminator, then zero bits to a byte boundary (as segno does)
        pad = 8 - (length + term) % 8
        stream <<= term + pad
        used = (length + term + pad) // 8
        codewords = bytearray(stream.to_bytes(used, "big")[: self.capacity])
        fill = b"\xec\x11" * self.capacity
        codewords += fill[: self.capacity - len(codewords)]
        data_blocks, ecc_blocks, at = [], [], 0
        for d, e in self.blocks:
            block = codewords[at : at + d]
            at += d
            data_blocks.append(block)
            ecc_blocks.append(_ecc(block, e, self.tables[e]))
        return int.from_bytes(bytes(self.interleave(b"".join(data_blocks + ecc_blocks))), "big")

    def rows(self, data: bytes) -> str:
        """The symbol as one string: rows of "1" (dark) and "0", each row followed by a "0"."""
        bits = self.message(data) ^ self.mask_bits
        return "".join(self.pick(self.fixed + format(bits, f"0{self.bits}b")))

    def packed(self, data: bytes) -> bytes:
        """The symbol as a 1-bit image: row by row, dark = 1, each row padded to whole bytes."""
        bits = self.message(data) ^ self.mask_bits
        cells = "".join(self.pick_packed(self.fixed + format(bits, f"0{self.bits}b")))
        return int(cells, 2).to_bytes(self.packed_bytes, "big")


def _interleaving(blocks: list[tuple[int, int]]) -> list[int]:
    """Where each final codeword comes from in the blocks laid end to end (all data blocks,
    then all error correction blocks): column by column across the blocks, data first."""
    order = []
    for part in (0, 1):
        starts, at = [], 0 if part == 0 else sum(d for d, _e in blocks)
        for block in blocks:
            starts.append(at)
            at += block[part]
        for k in range(max(b[part] for b in blocks)):
            order += [start + k for start, b in zip(starts, blocks, strict=True) if k < b[part]]
    return order


def _remainders(e: int) -> list[int]:
    """For each leading byte f, f x generator (degree e) without its leading term, as an int."""
    gen, log, exp = consts.GEN_POLY[e], consts.GALIOS_LOG, consts.GALIOS_EXP
    table = [0]
    for f in range(1, 256):
        table.append(int.from_bytes(bytes(exp[log[f] + g] for g in gen[:e]), "big"))
    return table


def _ecc(block: bytes, e: int, table: list[int]) -> bytes:
    """The Reed-Solomon error correction codewords of `block` (polynomial division, as an LFSR
    on one integer of e bytes)."""
    rem, shift, keep = 0, 8 * (e - 1), (1 << 8 * e) - 1
    for byte in block:
        rem = ((rem << 8) & keep) ^ table[byte ^ (rem >> shift)]
    return rem.to_bytes(e, "big")


def _placement(free) -> list[tuple[int, int]]:
    """The cells that take message bits, in placement order (ISO/IEC 18004 7.7.3): two-module
    columns from the right, alternately upwards and downwards, skipping the function patterns."""
    n = len(free)
    cells = []
    for right in range(n - 1, 0, -2):
        if right <= 6:
            right -= 1
        for vertical in range(n):
            for z in (0, 1):
                j = right - z
                upwards = ((right & 2) == 0) ^ (j < 6)
                i = n - 1 - vertical if upwards else vertical
                if free[i][j] == 0x2:
                    cells.append((i, j))
    return cells


@cache
def _version(version: int, mask: int) -> _Version:
    return _Version(version, mask)


def symbol(text: str, mask: int) -> tuple[int, str]:
    """(size, rows) of the code for `text`: rows as `_Version.rows` gives them."""
    data = text.encode("utf-8")
    v = _version(version_for(data), mask)
    return v.size, v.rows(data)


def matrix(text: str, mask: int) -> list[list[bool]]:
    """The module matrix of `text`, dark = True, without the quiet zone."""
    n, rows = symbol(text, mask)
    return [[c == "1" for c in rows[r * (n + 1) : r * (n + 1) + n]] for r in range(n)]


def packed(text: str, mask: int) -> tuple[int, bytes]:
    """(size, bits) of the code for `text` as a 1-bit image, as `_Version.packed` gives them."""
    data = text.encode("utf-8")
    v = _version(version_for(data), mask)
    return v.size, v.packed(data)
