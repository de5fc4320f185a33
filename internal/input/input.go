package input

import (
	"io"
	"io/fs"
)

// ReadAll reads r to its end, or to limit+1 bytes. When r tells its size (a
// file, a bytes.Reader, a strings.Reader), the buffer is allocated once at
// that size, so that reading takes the input's size in memory, not the
// doublings of a growing buffer.
func ReadAll(r io.Reader, limit int64) ([]byte, error) {
	size := int64(512)
	switch s := r.(type) {
	case interface{ Stat() (fs.FileInfo, error) }:
		if fi, err := s.Stat(); err == nil && fi.Mode().IsRegular() {
			size = fi.Size()
		}
	case interface{ Len() int }:
		size = int64(s.Len())
	}
	size = min(max(size, 512), limit) + 1
	buf := make([]byte, 0, size)
	r = io.LimitReader(r, limit+1)
	for {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
		n, err := r.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if err == io.EOF {
			return buf, nil
		}
		if err != nil {
			return buf, err
		}
	}
}
