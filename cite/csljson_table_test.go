package cite

import (
	"bytes"
	"encoding/json"
	"reflect"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestCSLVarTable: the variable table is the one list of CSL variables:
// no name twice, every variable field of Item reached by exactly one
// entry of the right kind, and each variable, fielded or not, written
// where the table puts it and read back into the same place.
func TestCSLVarTable(t *testing.T) {
	seen := map[string]bool{}
	fields := map[string]string{} // Item field → variable
	for i := range cslVarTable {
		v := &cslVarTable[i]
		require.False(t, seen[v.name], "variable %q twice", v.name)
		seen[v.name] = true
		require.Same(t, v, lookupVar(v.name))
		var it Item
		set := 0
		switch v.kind {
		case kindString, kindNumber:
			require.Nil(t, v.names)
			require.Nil(t, v.date)
			if v.str != nil {
				*v.str(&it) = "x"
				set++
			}
		case kindNames:
			require.Nil(t, v.str)
			require.Nil(t, v.date)
			if v.names != nil {
				*v.names(&it) = []Name{{Family: "x"}}
				set++
			}
		case kindDate:
			require.Nil(t, v.str)
			require.Nil(t, v.names)
			if v.date != nil {
				*v.date(&it) = Date{From: DateParts{Year: 1934}}
				set++
			}
		default:
			t.Fatalf("variable %q has no kind", v.name)
		}
		if set == 0 {
			continue
		}
		rv := reflect.ValueOf(it)
		for f := 0; f < rv.NumField(); f++ {
			if !rv.Field(f).IsZero() {
				name := rv.Type().Field(f).Name
				require.Empty(t, fields[name], "field %s is variable %q and %q", name, fields[name], v.name)
				fields[name] = v.name
			}
		}
	}
	require.Nil(t, lookupVar("no-such-variable"))
	typ := reflect.TypeOf(Item{})
	for f := 0; f < typ.NumField(); f++ {
		switch name := typ.Field(f).Name; name {
		case "ID", "Type", "Extra", "ExtraNames", "ExtraDates":
		default:
			require.NotEmpty(t, fields[name], "field %s has no entry in cslVarTable", name)
		}
	}

	// Every variable, one at a time, goes out under its name and comes back
	// to the same place.
	for i := range cslVarTable {
		v := &cslVarTable[i]
		var val string
		switch v.kind {
		case kindString:
			val = `"A value"`
		case kindNumber:
			val = `"12"`
		case kindNames:
			val = `[{"family":"Maisky","given":"Ivan"}]`
		case kindDate:
			val = `{"date-parts":[[1934,12,31]]}`
		}
		in := []byte(`{"id":"a",` + `"` + v.name + `":` + val + `}`)
		var it Item
		require.NoError(t, json.Unmarshal(in, &it), v.name)
		out, err := json.Marshal(it)
		require.NoError(t, err)
		require.JSONEq(t, string(in), string(out), v.name)
		require.True(t, bytes.Contains(out, []byte(`"`+v.name+`":`)), v.name)
	}
}

// TestCSLJSONMemberOrder: members are written in the table's order
// whatever order they were read in.
func TestCSLJSONMemberOrder(t *testing.T) {
	in := `{"submitted":"2020","issue":"3","author":[{"literal":"A"}],"title":"T","id":"x","type":"book"}`
	var it Item
	require.NoError(t, json.Unmarshal([]byte(in), &it))
	out, err := json.Marshal(it)
	require.NoError(t, err)
	require.Equal(t, `{"id":"x","type":"book","title":"T","author":[{"literal":"A"}],"issue":"3","submitted":{"date-parts":[[2020]]}}`, string(out))
}
