package cite

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/maisky-lib/maisky/maisky"
)

func TestReadCSLJSONErrors(t *testing.T) {
	for _, tc := range []struct {
		in, path, msg string
	}{
		{`[{"id":"a"},{"id":"b","issued":{"date-parts":[[1934,"Dec"]]}}]`, "items[1].issued.date-parts[0][1]", "want an integer"},
		{`[{"id":"a","issued":{"date-parts":[[1934,17]]}}]`, "items[0].issued.date-parts[0][1]", "bad month 17"},
		{`[{"id":"a","issued":{"date-parts":[[1934,2,40]]}}]`, "items[0].issued.date-parts[0][2]", "bad day 40"},
		{`[{"id":"a","issued":{"date-parts":[]}}]`, "items[0].issued.date-parts", "want one date or two"},
		{`[{"id":"a","issued":{"date-parts":[[1934]],"era":"AD"}}]`, "items[0].issued.era", "unknown date field"},
		{`[{"id":"a","titel":"x"}]`, "items[0].titel", "unknown field"},
		{`[{"id":"a","type":"diary"}]`, "items[0].type", `unknown item type "diary"`},
		{`[{"id":"a","title":5}]`, "items[0].title", "want a string, got a number"},
		{`[{"id":"a","volume":true}]`, "items[0].volume", "want a string or a number"},
		{`[{"id":"a","author":{"family":"Maisky"}}]`, "items[0].author", "want an array"},
		{`[{"id":"a","author":[{"family":"Maisky","middle":"M"}]}]`, "items[0].author[0].middle", "unknown name field"},
		{`[{"id":"a","author":[{}]}]`, "items[0].author[0]", "empty name"},
		{`[{"id":"a","id":"b"}]`, "items[0].id", "duplicate field"},
		{`[{"title":"x"}]`, "items[0].id", "missing"},
		{`[{"id":"a","issued":{"season":7}}]`, "items[0].issued.season", "bad season"},
		{`{"items":[]}`, "items[0].items", "unknown field"},
		{`"x"`, "items", "want an array"},
		{`[1]`, "items[0]", "want an object"},
		{`[{"id":"a"}] [`, "items", "text after the array"},
	} {
		_, err := ReadCSLJSON(strings.NewReader(tc.in))
		require.Error(t, err, tc.in)
		assert.ErrorIs(t, err, ErrCSLJSON, tc.in)
		var je *JSONError
		require.True(t, errors.As(err, &je), tc.in)
		assert.Equal(t, tc.path, je.Path, tc.in)
		assert.Contains(t, je.Msg, tc.msg, tc.in)
		assert.Contains(t, err.Error(), tc.path)
	}
	// syntax errors carry line and offset
	_, err := ReadCSLJSON(strings.NewReader("[\n{\"id\":\"a\",\n\"title\": x}]"))
	var je *JSONError
	require.True(t, errors.As(err, &je))
	assert.Equal(t, 3, je.Line)
	assert.NotZero(t, je.Offset)
}

func TestReadCSLJSONLoose(t *testing.T) {
	// CSL-JSON's allowed variants: numbers for ids and number variables,
	// numeric strings in date-parts, circa as a string, a single object.
	items, err := ReadCSLJSON(strings.NewReader(`{"id":7,"type":"book","volume":1,"page":"59-72",
		"issued":{"date-parts":[["1934","12","31"]],"circa":"true"},"accessed":"2024-05-14",
		"author":[{"family":"Gaulle","given":"Charles","non-dropping-particle":"de","parse-names":false}],
		"ISSN":"1234-5678","composer":[{"literal":"X"}],"event-date":{"date-parts":[[1935]]},
		"categories":["a"],"custom":{"k":"v"}}`))
	require.NoError(t, err)
	require.Len(t, items, 1)
	it := items[0]
	assert.Equal(t, "7", it.ID)
	assert.Equal(t, "1", it.Volume)
	assert.Equal(t, DateParts{1934, 12, 31}, it.Issued.From)
	assert.True(t, it.Issued.Circa)
	assert.Equal(t, DateParts{2024, 5, 14}, it.Accessed.From, "a date given as a string is read as a raw date")
	assert.Equal(t, "de", it.Author[0].NonDroppingParticle)
	assert.Equal(t, "1234-5678", it.Extra["ISSN"])
	assert.Equal(t, []Name{{Literal: "X"}}, it.ExtraNames["composer"])
	assert.Equal(t, 1935, it.ExtraDates["event-date"].From.Year)
}

// TestCSLJSONRoundTrip reads every test item, writes it back and reads it
// again: nothing is lost, and the output is valid JSON.
func TestCSLJSONRoundTrip(t *testing.T) {
	data, err := os.ReadFile("testdata/items.json")
	require.NoError(t, err)
	var f itemsFile
	require.NoError(t, json.Unmarshal(data, &f))
	items, err := ReadCSLJSON(bytes.NewReader(f.Items))
	require.NoError(t, err)
	require.Greater(t, len(items), 100)

	var buf bytes.Buffer
	require.NoError(t, WriteCSLJSON(&buf, items))
	require.True(t, json.Valid(buf.Bytes()))
	again, err := ReadCSLJSON(&buf)
	require.NoError(t, err)
	assert.Equal(t, items, again)

	// the same bytes as the source items, member for member (a name part
	// given as "" carries nothing and is not written back)
	var src, out []map[string]any
	require.NoError(t, json.Unmarshal(f.Items, &src))
	for _, it := range src {
		for _, v := range it {
			names, ok := v.([]any)
			if !ok {
				continue
			}
			for _, n := range names {
				if m, ok := n.(map[string]any); ok {
					for k, part := range m {
						if part == "" {
							delete(m, k)
						}
					}
				}
			}
		}
	}
	buf.Reset()
	require.NoError(t, WriteCSLJSON(&buf, items))
	require.NoError(t, json.Unmarshal(buf.Bytes(), &out))
	assert.Equal(t, src, out)

	// deterministic
	var b2 bytes.Buffer
	require.NoError(t, WriteCSLJSON(&b2, items))
	assert.Equal(t, buf.String(), b2.String())

	// an empty array
	buf.Reset()
	require.NoError(t, WriteCSLJSON(&buf, nil))
	assert.Equal(t, "[]\n", buf.String())

	// Item is a json.Marshaler and json.Unmarshaler
	one, err := json.Marshal(items[0])
	require.NoError(t, err)
	var it Item
	require.NoError(t, json.Unmarshal(one, &it))
	assert.Equal(t, items[0], it)
	assert.Error(t, json.Unmarshal([]byte(`{"id":"x","bogus":1}`), &it))
}

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestEncoderErrors(t *testing.T) {
	e := NewEncoder(failWriter{})
	it := Item{ID: "a", Title: strings.Repeat("x", 5000)}
	err := e.Encode(&it)
	if err == nil {
		err = e.Close()
	}
	assert.EqualError(t, err, "disk full")
	assert.Error(t, e.Close(), "the error is reported again, not lost")

	var buf bytes.Buffer
	e = NewEncoder(&buf)
	require.NoError(t, e.Close())
	assert.Error(t, e.Encode(&it))
}

// FuzzReadCSLJSON: the reader never panics; what it accepts it writes
// back as CSL-JSON that reads to the same items, and every style renders
// every item without error.
func FuzzReadCSLJSON(f *testing.F) {
	f.Add(`[{"id":"a","type":"chapter","title":"31 December 1934","author":[{"family":"Maisky","given":"Ivan"}],"issued":{"date-parts":[[2017]]},"page":"59-72"}]`)
	f.Add(`[{"id":"b","type":"manuscript","title":"On the “Peace Ballot”","issued":{"date-parts":[[1935,1,3]],"circa":true},"archive":"Stalin Digital Archive"}]`)
	f.Add(`[{"id":"c","type":"personal_communication","genre":"letter","recipient":[{"literal":"Foreign Office"}],"issued":{"literal":"early 1935"}}]`)
	f.Add(`{"id":1,"type":"book","volume":2,"issued":{"date-parts":[[1934],[1935]],"season":2}}`)
	f.Add(`[{"id":"d","issued":{"date-parts":[[1934,"x"]]}}]`)
	// Hostile shapes (TestHostile_CSLJSONInputCap), small.
	f.Add("[" + strings.Repeat(`{"id":"a"},`, 50) + `{"id":"a"}]`)
	f.Add(`[{"id":"a","title":"` + strings.Repeat(`\u0416`, 100) + `"}]`)
	f.Add(`[`)
	f.Fuzz(func(t *testing.T, in string) {
		items, err := ReadCSLJSON(strings.NewReader(in))
		if err != nil {
			var je *JSONError
			if !errors.As(err, &je) {
				t.Fatalf("error is not a *JSONError: %v", err)
			}
			return
		}
		var buf bytes.Buffer
		if err := WriteCSLJSON(&buf, items); err != nil {
			t.Fatal(err)
		}
		again, err := ReadCSLJSON(&buf)
		if err != nil {
			t.Fatalf("written CSL-JSON does not read back: %v\n%s", err, buf.String())
		}
		if !reflect.DeepEqual(again, items) {
			t.Fatalf("items change in a round trip:\nread    %#v\nre-read %#v\n%s", items, again, buf.String())
		}
		for i := range items {
			for _, s := range Styles() {
				for _, m := range []Mode{Bibliography, First, Subsequent} {
					if _, err := Format(&items[i], s, m, Locator{Label: "page", Value: "12-15"}); err != nil {
						t.Fatal(err)
					}
				}
			}
		}
	})
}

func TestHostile_CSLJSONInputCap(t *testing.T) {
	// 600 MiB would be read whole before; now reading stops past 256 MiB.
	_, err := ReadCSLJSON(io.MultiReader(strings.NewReader("["), &spaces{n: 600 << 20}))
	require.ErrorIs(t, err, ErrCSLJSON)
	require.ErrorIs(t, err, maisky.ErrTooLarge)
	require.Contains(t, err.Error(), "larger than 256 MiB")
	// An array of more than MaxCSLJSONItems items is refused.
	in := "[" + strings.Repeat(`{"id":"a"},`, MaxCSLJSONItems) + `{"id":"a"}]`
	_, err = ReadCSLJSON(strings.NewReader(in))
	require.ErrorIs(t, err, maisky.ErrTooLarge)
	require.Contains(t, err.Error(), "more than 25000 items")
}

// spaces reads n spaces.
type spaces struct{ n int }

func (s *spaces) Read(p []byte) (int, error) {
	if s.n == 0 {
		return 0, io.EOF
	}
	k := min(len(p), s.n)
	for i := range p[:k] {
		p[i] = ' '
	}
	s.n -= k
	return k, nil
}

func TestCSLJSONEmptyValues(t *testing.T) {
	in := `[{"id":"a","composer":[],"issue":"","event-date":{"circa":true},"author":[],"issued":{"season":2}}]`
	items, err := ReadCSLJSON(strings.NewReader(in))
	require.NoError(t, err)
	assert.Equal(t, []Item{{ID: "a"}}, items, "empty values are absent variables")
}

func TestCSLJSONInvalidUTF8(t *testing.T) {
	var buf bytes.Buffer
	require.NoError(t, WriteCSLJSON(&buf, []Item{{ID: "a", Title: "bad \xff byte", Extra: map[string]string{"keyword": "\u2028"}}}))
	assert.Equal(t, "[\n{\"id\":\"a\",\"title\":\"bad \\ufffd byte\",\"keyword\":\"\\u2028\"}\n]\n", buf.String())
}

func TestReadCSLJSONTrailing(t *testing.T) {
	_, err := ReadCSLJSON(strings.NewReader(`{"id":"a"} 0`))
	var je *JSONError
	require.ErrorAs(t, err, &je)
	assert.Contains(t, je.Msg, "text after the item")
}

func TestReadCSLJSONTooLarge(t *testing.T) {
	r := io.MultiReader(strings.NewReader("["), io.LimitReader(zeros{}, MaxCSLJSONInput+10))
	_, err := ReadCSLJSON(r)
	require.ErrorIs(t, err, ErrTooLarge)
	require.ErrorIs(t, err, ErrCSLJSON)
}

// zeros reads spaces without end.
type zeros struct{}

func (zeros) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = ' '
	}
	return len(p), nil
}
