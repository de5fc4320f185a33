package pdf

import (
	"encoding/binary"
	"sort"
)

// The helpers of subset: reading a TrueType file's tables, dropping a
// glyph's hinting instructions, keeping the names a PDF needs, and writing
// a TrueType file of tables.

type sfntTable struct {
	tag  string
	data []byte
}

func readTables(ttf []byte) (map[string][]byte, bool) {
	if len(ttf) < 12 {
		return nil, false
	}
	n := int(binary.BigEndian.Uint16(ttf[4:]))
	if len(ttf) < 12+16*n {
		return nil, false
	}
	tables := make(map[string][]byte, n)
	for i := 0; i < n; i++ {
		rec := ttf[12+16*i:]
		off := int64(binary.BigEndian.Uint32(rec[8:]))
		size := int64(binary.BigEndian.Uint32(rec[12:]))
		if off+size > int64(len(ttf)) {
			return nil, false
		}
		tables[string(rec[:4])] = ttf[off : off+size]
	}
	return tables, true
}

// stripGlyph returns a glyph's description without its instructions.
func stripGlyph(g []byte) ([]byte, bool) {
	if len(g) == 0 {
		return g, true
	}
	if len(g) < 10 {
		return nil, false
	}
	contours := int16(binary.BigEndian.Uint16(g))
	if contours >= 0 {
		at := 10 + 2*int(contours)
		if len(g) < at+2 {
			return nil, false
		}
		n := int(binary.BigEndian.Uint16(g[at:]))
		if len(g) < at+2+n {
			return nil, false
		}
		out := make([]byte, 0, len(g)-n)
		out = append(out, g[:at]...)
		out = append(out, 0, 0)
		return append(out, g[at+2+n:]...), true
	}
	// A composite glyph: clear WE_HAVE_INSTRUCTIONS and drop what follows
	// the last component.
	const (
		argsAreWords   = 0x0001
		haveScale      = 0x0008
		moreComponents = 0x0020
		haveXYScale    = 0x0040
		have2x2        = 0x0080
		haveInstrs     = 0x0100
	)
	out := append([]byte(nil), g...)
	at := 10
	for {
		if len(out) < at+4 {
			return nil, false
		}
		flags := binary.BigEndian.Uint16(out[at:])
		binary.BigEndian.PutUint16(out[at:], flags&^haveInstrs)
		at += 4
		if flags&argsAreWords != 0 {
			at += 4
		} else {
			at += 2
		}
		switch {
		case flags&haveScale != 0:
			at += 2
		case flags&haveXYScale != 0:
			at += 4
		case flags&have2x2 != 0:
			at += 8
		}
		if at > len(out) {
			return nil, false
		}
		if flags&moreComponents == 0 {
			return out[:at], true
		}
	}
}

// slimName keeps the Windows Unicode names 0 to 6.
func slimName(name []byte) ([]byte, bool) {
	if len(name) < 6 || binary.BigEndian.Uint16(name) != 0 {
		return nil, false
	}
	count := int(binary.BigEndian.Uint16(name[2:]))
	strOff := int(binary.BigEndian.Uint16(name[4:]))
	if len(name) < 6+12*count || strOff > len(name) {
		return nil, false
	}
	type rec struct {
		hdr  [8]byte // platform, encoding, language, nameID
		text []byte
	}
	var keep []rec
	for i := 0; i < count; i++ {
		r := name[6+12*i:]
		platform := binary.BigEndian.Uint16(r)
		id := binary.BigEndian.Uint16(r[6:])
		size := int(binary.BigEndian.Uint16(r[8:]))
		off := strOff + int(binary.BigEndian.Uint16(r[10:]))
		if platform != 3 || id > 6 {
			continue
		}
		if off+size > len(name) {
			return nil, false
		}
		var k rec
		copy(k.hdr[:], r[:8])
		k.text = name[off : off+size]
		keep = append(keep, k)
	}
	out := make([]byte, 6, 6+12*len(keep)+256)
	binary.BigEndian.PutUint16(out[2:], uint16(len(keep)))
	binary.BigEndian.PutUint16(out[4:], uint16(6+12*len(keep)))
	pos := 0
	for _, k := range keep {
		out = append(out, k.hdr[:]...)
		out = binary.BigEndian.AppendUint16(out, uint16(len(k.text)))
		out = binary.BigEndian.AppendUint16(out, uint16(pos))
		pos += len(k.text)
	}
	for _, k := range keep {
		out = append(out, k.text...)
	}
	return out, pos < 0x10000
}

// assemble writes a TrueType file of the tables, sorted by tag, with their
// checksums and the head table's checkSumAdjustment.
func assemble(tables []sfntTable) []byte {
	sort.Slice(tables, func(i, j int) bool { return tables[i].tag < tables[j].tag })
	n := len(tables)
	pow, log := 1, 0
	for pow*2 <= n {
		pow *= 2
		log++
	}
	out := make([]byte, 12, 12+16*n)
	binary.BigEndian.PutUint32(out, 0x00010000)
	binary.BigEndian.PutUint16(out[4:], uint16(n))
	binary.BigEndian.PutUint16(out[6:], uint16(16*pow))
	binary.BigEndian.PutUint16(out[8:], uint16(log))
	binary.BigEndian.PutUint16(out[10:], uint16(16*n-16*pow))
	off := 12 + 16*n
	headAt := -1
	for _, t := range tables {
		out = append(out, t.tag...)
		out = binary.BigEndian.AppendUint32(out, checksum(t.data))
		out = binary.BigEndian.AppendUint32(out, uint32(off))
		out = binary.BigEndian.AppendUint32(out, uint32(len(t.data)))
		if t.tag == "head" {
			headAt = off
		}
		off += (len(t.data) + 3) &^ 3
	}
	for _, t := range tables {
		out = append(out, t.data...)
		for len(out)%4 != 0 {
			out = append(out, 0)
		}
	}
	if headAt >= 0 {
		binary.BigEndian.PutUint32(out[headAt+8:], 0xB1B0AFBA-checksum(out))
	}
	return out
}

func checksum(b []byte) uint32 {
	var sum uint32
	for i := 0; i < len(b); i += 4 {
		var w [4]byte
		copy(w[:], b[i:])
		sum += binary.BigEndian.Uint32(w[:])
	}
	return sum
}
