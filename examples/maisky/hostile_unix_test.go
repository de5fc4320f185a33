//go:build unix

package main

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestHostile_OutputFIFOOrDevice(t *testing.T) {
	dir := t.TempDir()
	in, _ := copyFile(t, dir, "doc.json")
	fifo := filepath.Join(dir, "fifo")
	require.NoError(t, syscall.Mkfifo(fifo, 0o644))
	oneLineError(t, 1, "not a regular file (a FIFO)", append(pdfArgs, "-o", fifo, in)...)
	fi, err := os.Lstat(fifo)
	require.NoError(t, err)
	assert.NotZero(t, fi.Mode()&os.ModeNamedPipe, "the FIFO is left alone")

	oneLineError(t, 1, "not a regular file (a device)", append(pdfArgs, "-o", "/dev/null", in)...)
	fi, err = os.Lstat("/dev/null")
	require.NoError(t, err)
	assert.NotZero(t, fi.Mode()&os.ModeDevice)
}
