package csl

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// scanXMLAgrees fails t when scanXML reads data into another tree than
// decodeXML, or reads what decodeXML refuses.
func scanXMLAgrees(t *testing.T, data []byte) (scanned bool) {
	t.Helper()
	got, ok := scanXML(data)
	if !ok {
		return false
	}
	want, err := decodeXML(data)
	if err != nil {
		t.Fatalf("scanXML reads what encoding/xml refuses (%v): %q", err, data)
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("scanXML and encoding/xml read different trees: %q", data)
	}
	return true
}

// TestScanXML holds scanXML to decodeXML's tree on the official styles
// and locales, and on inputs it must leave to decodeXML.
func TestScanXML(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(sharedCSL, "*.csl"))
	locales, _ := filepath.Glob(filepath.Join(sharedCSL, "locales", "*.xml"))
	files = append(files, locales...)
	if len(files) == 0 {
		t.Log("../shared/csl is not available: only the inline cases run")
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if !scanXMLAgrees(t, data) {
			t.Errorf("%s: scanXML leaves an official file to encoding/xml", filepath.Base(f))
		}
	}
	for _, in := range []string{
		seedStyle,
		`<?xml version="1.0" encoding="utf-8"?>` + "\n<style a='1' b=\"&#160;&amp;&#x2019;\" xml:lang=\"en\" xmlns:cs=\"x\"><!-- c --><term>a&lt;b</term>\n\t<x/></style>\n",
		"<style><term>x\ny</term><single>one</single></style>",
	} {
		if !scanXMLAgrees(t, []byte(in)) {
			t.Errorf("scanXML leaves %q to encoding/xml", in)
		}
	}
	for _, in := range []string{
		"<style a=\"1\" a=\"2\"/>",
		"<style a=\"<\"/>",
		"<style a=\"&bogus;\"/>",
		"<style>]]></style>",
		"<style>\r\n</style>",
		"<style/><style/>",
		"<style><a></b></style>",
		"<style>",
		"<cs:style/>",
		"<style a=\"&#0;\"/>",
		"<!DOCTYPE style><style/>",
		`<?xml version="1.1"?><style/>`,
		"<style><![CDATA[x]]></style>",
		"<style a=\"1\"b=\"2\"/>",
		"<style><!-- a -- b --></style>",
		"<style>\xff</style>",
	} {
		if scanXMLAgrees(t, []byte(in)) {
			t.Errorf("scanXML reads %q: it is for encoding/xml", in)
		}
	}
}

// FuzzScanXML: whatever scanXML reads, encoding/xml reads into the same
// tree.
func FuzzScanXML(f *testing.F) {
	f.Add([]byte(seedStyle))
	f.Add([]byte(`<?xml version="1.0" encoding="utf-8"?>` + "\n<style a='1' b=\"&#160;&amp;\" xml:lang=\"en\"><!-- c --><term>a&lt;b</term></style>"))
	f.Add([]byte("<locale><terms><term name=\"and\"><single>x</single><multiple>&#x41;</multiple></term></terms></locale>"))
	f.Fuzz(func(t *testing.T, data []byte) {
		scanXMLAgrees(t, data)
	})
}
