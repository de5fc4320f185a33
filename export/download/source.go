package download

import (
	"context"
	"errors"
	"fmt"

	"github.com/maisky-lib/maisky/maisky"
)

// ErrNotFound is returned by a Source for an id it does not hold; the
// handler answers 404.
var ErrNotFound = errors.New("download: no such document")

// Source looks documents up by id for the handler. The service implements
// it over its store; FileSource is a ready one over a maisky/1 file.
//
// Document returns the document and the volume it belongs to (nil when it
// has none). An unknown id gives an error that wraps ErrNotFound; any other
// error is answered with 500 and a generic message. The handler never
// modifies what it is given, and reads it from many goroutines at once; a
// Source that changes a document returns a new *maisky.Document (the
// handler's PDF cache is keyed by the pointer).
type Source interface {
	Document(ctx context.Context, id string) (*maisky.Document, *maisky.Volume, error)
}

// FileSource is a Source over the documents of one maisky/1 file (a volume
// with its documents, or a single document), held in memory.
type FileSource struct {
	file *maisky.File
	byID map[string]*maisky.Document
}

// NewFileSource returns a Source over f, which it validates first; f must
// not be modified afterwards.
func NewFileSource(f *maisky.File) (*FileSource, error) {
	if f == nil {
		return nil, fmt.Errorf("download: NewFileSource: %w", errNilFile)
	}
	if err := f.Validate(); err != nil {
		return nil, err
	}
	s := &FileSource{file: f, byID: make(map[string]*maisky.Document, len(f.Documents))}
	for _, d := range f.Documents {
		s.byID[d.ID] = d
	}
	return s, nil
}

var errNilFile = errors.New("nil file")

// Document implements Source.
func (s *FileSource) Document(_ context.Context, id string) (*maisky.Document, *maisky.Volume, error) {
	d, ok := s.byID[id]
	if !ok {
		return nil, nil, fmt.Errorf("%w: %q", ErrNotFound, id)
	}
	return d, s.file.Volume, nil
}

// File returns the file the source serves, for listings (read only).
func (s *FileSource) File() *maisky.File { return s.file }
