package csl_test

import (
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/maisky-lib/maisky/cite"
	"github.com/maisky-lib/maisky/cite/csl"
)

// An author-date style of our own, small enough to read.
const authorDate = `<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><id>example</id><title>Example</title><updated>2026-01-01T00:00:00+00:00</updated></info>
  <macro name="author">
    <names variable="author"><name name-as-sort-order="first" and="text" delimiter-precedes-last="always"/></names>
  </macro>
  <citation et-al-min="3" et-al-use-first="1" disambiguate-add-year-suffix="true">
    <sort><key macro="author"/><key variable="issued"/></sort>
    <layout prefix="(" suffix=")" delimiter="; ">
      <group delimiter=" ">
        <names variable="author"><name form="short" and="symbol"/></names>
        <date variable="issued"><date-part name="year"/></date>
      </group>
      <text variable="locator" prefix=", "/>
    </layout>
  </citation>
  <bibliography>
    <sort><key macro="author"/><key variable="issued"/></sort>
    <layout suffix=".">
      <group delimiter=". ">
        <text macro="author"/>
        <date variable="issued"><date-part name="year"/></date>
        <text variable="title" font-style="italic" text-case="title"/>
        <text variable="publisher"/>
      </group>
    </layout>
  </bibliography>
</style>`

const items = `[
 {"id": "diaries", "type": "book", "title": "the complete Maisky diaries", "author": [{"family": "Maisky", "given": "Ivan"}], "publisher": "Yale University Press", "issued": {"date-parts": [[2017]]}},
 {"id": "memoirs", "type": "book", "title": "memoirs of a Soviet ambassador", "author": [{"family": "Maisky", "given": "Ivan"}], "publisher": "Hutchinson", "issued": {"date-parts": [[2017]]}},
 {"id": "webb", "type": "book", "title": "the Webbs' diaries", "author": [{"family": "Webb", "given": "Beatrice"}, {"family": "Webb", "given": "Sidney"}], "publisher": "Virago", "issued": {"date-parts": [[1985]]}}
]`

func Example() {
	style, err := csl.ParseStyle(strings.NewReader(authorDate))
	if err != nil {
		fmt.Println(err)
		return
	}
	list, err := csl.ParseItems([]byte(items))
	if err != nil {
		fmt.Println(err)
		return
	}
	p := csl.NewProcessor(style, csl.Options{})
	p.Register(list...)
	fmt.Println(p.Cite([]csl.CiteItem{{ID: "webb"}, {ID: "diaries", Locator: "60"}}))
	_ = p.WriteBibliography(os.Stdout, csl.Text)
	// Output:
	// (Maisky 2017a, 60; Webb & Webb 1985)
	// Maisky, Ivan. 2017a. The Complete Maisky Diaries. Yale University Press.
	// Maisky, Ivan. 2017b. Memoirs of a Soviet Ambassador. Hutchinson.
	// Webb, Beatrice, and Sidney Webb. 1985. The Webbs’ Diaries. Virago.
}

func ExampleProcessor_Reset() {
	style, _ := csl.ParseStyle(strings.NewReader(authorDate))
	list, _ := csl.ParseItems([]byte(items))
	p := csl.NewProcessor(style, csl.Options{})
	// one document cites the two diaries: they take year suffixes
	p.Register(list[0], list[1])
	fmt.Println(p.Cite([]csl.CiteItem{{ID: "diaries"}}))
	// the next document, on the same processor, cites one of them
	p.Reset()
	p.Register(list[0], list[2])
	fmt.Println(p.Cite([]csl.CiteItem{{ID: "diaries"}, {ID: "memoirs"}}))
	_ = p.WriteBibliography(os.Stdout, csl.Text)
	// Output:
	// (Maisky 2017a)
	// (Maisky 2017)
	// Maisky, Ivan. 2017. The Complete Maisky Diaries. Yale University Press.
	// Webb, Beatrice, and Sidney Webb. 1985. The Webbs’ Diaries. Virago.
}

func ExampleParseStyle_error() {
	_, err := csl.ParseStyle(strings.NewReader("<style>\n  <citation>\n    <layout><text/></layout>\n  </citation>\n</style>"))
	var se *csl.SyntaxError
	fmt.Println(errors.As(err, &se), errors.Is(err, csl.ErrStyle))
	fmt.Println(err)
	// Output:
	// true true
	// csl: line 3, column 13: <text> needs variable, macro, term or value
}

func ExampleProcessor_CiteDocument() {
	style, _ := csl.ParseStyle(strings.NewReader(`<style xmlns="http://purl.org/net/xbiblio/csl" class="note" version="1.0">
  <info><id>n</id><title>N</title></info>
  <citation>
    <layout suffix=".">
      <choose>
        <if position="ibid-with-locator"><group delimiter=", "><text term="ibid"/><text variable="locator"/></group></if>
        <else-if position="ibid"><text term="ibid"/></else-if>
        <else-if position="subsequent"><group delimiter=", "><names variable="author"><name form="short"/></names><text variable="title" form="short" font-style="italic"/><text variable="locator"/></group></else-if>
        <else><group delimiter=", "><names variable="author"/><text variable="title" font-style="italic"/><text variable="locator"/></group></else>
      </choose>
    </layout>
  </citation>
</style>`))
	list, _ := csl.ParseItems([]byte(items))
	p := csl.NewProcessor(style, csl.Options{})
	p.Register(list...)
	notes := p.CiteDocument([]csl.Citation{
		{NoteIndex: 1, Items: []csl.CiteItem{{ID: "diaries", Locator: "60"}}},
		{NoteIndex: 2, Items: []csl.CiteItem{{ID: "diaries", Locator: "62"}}},
		{NoteIndex: 3, Items: []csl.CiteItem{{ID: "webb"}}},
		{NoteIndex: 4, Items: []csl.CiteItem{{ID: "diaries", Locator: "70"}}},
	})
	for _, n := range notes {
		fmt.Println(n.HTML())
	}
	// Output:
	// Ivan Maisky, <i>the complete Maisky diaries</i>, 60.
	// Ibid., 62.
	// Beatrice Webb, Sidney Webb, <i>the Webbs’ diaries</i>.
	// Maisky, <i>the complete Maisky diaries</i>, 70.
}

func ExampleParseLocale() {
	loc, err := csl.ParseLocale(strings.NewReader(`<locale xmlns="http://purl.org/net/xbiblio/csl" version="1.0" xml:lang="fr-FR">
  <style-options punctuation-in-quote="false"/>
  <terms><term name="and">et</term><term name="open-quote">« </term><term name="close-quote"> »</term></terms>
</locale>`))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(loc.Lang())
	// Output: fr-FR
}

func ExampleNewLocaleSet() {
	// A folder of locale files, such as the official locales repository.
	dir, _ := os.MkdirTemp("", "locales")
	defer os.RemoveAll(dir)
	_ = os.WriteFile(dir+"/locales-de-DE.xml", []byte(`<locale xml:lang="de-DE"><terms><term name="and">und</term></terms></locale>`), 0o644)
	style, _ := csl.ParseStyle(strings.NewReader(`<style class="in-text" default-locale="de-DE"><citation><layout><names variable="author"><name and="text"/></names></layout></citation></style>`))
	list, _ := csl.ParseItems([]byte(items))
	p := csl.NewProcessor(style, csl.Options{Locales: csl.NewLocaleSet(os.DirFS(dir))})
	p.Register(list...)
	fmt.Println(p.Cite([]csl.CiteItem{{ID: "webb"}}))
	// Output: Beatrice Webb und Sidney Webb
}

func ExampleParseFixture() {
	fx, err := csl.ParseFixture(strings.NewReader(`>>===== MODE =====>>
citation
<<===== MODE =====<<
>>===== CSL =====>>
<style class="in-text"><citation><layout><text variable="title" quotes="true"/></layout></citation></style>
<<===== CSL =====<<
>>===== INPUT =====>>
[{"id": "a", "type": "book", "title": "A \"nested\" title"}]
<<===== INPUT =====<<
`))
	if err != nil {
		fmt.Println(err)
		return
	}
	_ = fx.Write(os.Stdout, nil)
	// Output: “A ‘nested’ title”
}

func ExampleParseFormat() {
	f, err := csl.ParseFormat("markdown")
	fmt.Println(f, err)
	// Output: markdown <nil>
}

func ExampleNewItem() {
	it, err := csl.NewItem(map[string]any{"id": "x", "type": "book", "title": "Diaries", "volume": 1.0})
	fmt.Println(it.ID, it.Type, it.Var("title"), it.Var("volume"), err)
	// Output: x book Diaries 1 <nil>
}

func ExampleRendered_Write() {
	style, _ := csl.ParseStyle(strings.NewReader(`<style class="in-text"><citation><layout><text variable="title" font-style="italic"/></layout></citation></style>`))
	list, _ := csl.ParseItems([]byte(items))
	p := csl.NewProcessor(style, csl.Options{})
	p.Register(list...)
	r := p.Cite([]csl.CiteItem{{ID: "webb"}})
	_ = r.Write(os.Stdout, csl.Markdown)
	fmt.Println()
	_ = r.Write(os.Stdout, csl.HTML)
	fmt.Println()
	// Output:
	// *the Webbs’ diaries*
	// <i>the Webbs’ diaries</i>
}

func ExampleNewLocaleSetFrom() {
	de, _ := csl.ParseLocale(strings.NewReader(`<locale xml:lang="de-DE"><terms><term name="and">und</term></terms></locale>`))
	style, _ := csl.ParseStyle(strings.NewReader(`<style class="in-text" default-locale="de-DE"><citation><layout><names variable="author"><name and="text"/></names></layout></citation></style>`))
	list, _ := csl.ParseItems([]byte(items))
	p := csl.NewProcessor(style, csl.Options{Locales: csl.NewLocaleSetFrom(de)})
	p.Register(list...)
	fmt.Println(p.Cite([]csl.CiteItem{{ID: "webb"}}))
	// Output: Beatrice Webb und Sidney Webb
}

func ExampleRendered_Spans() {
	style, _ := csl.ParseStyle(strings.NewReader(authorDate))
	// markup in a title flips the italics of the style
	list, _ := csl.ParseItems([]byte(`[{"id": "d", "type": "book", "title": "a guide to <i>the Maisky diaries</i>", "author": [{"family": "Ready", "given": "Oliver"}], "issued": {"date-parts": [[2020]]}}]`))
	p := csl.NewProcessor(style, csl.Options{})
	p.Register(list...)
	for _, sp := range p.Bibliography()[0].Spans() {
		fmt.Printf("%q italic=%v\n", sp.Text, sp.Decoration&cite.Italic != 0)
	}
	// Output:
	// "Ready, Oliver. 2020. " italic=false
	// "A Guide to " italic=true
	// "the Maisky Diaries." italic=false
}

func ExampleRendered_CiteText() {
	style, _ := csl.ParseStyle(strings.NewReader(authorDate))
	list, _ := csl.ParseItems([]byte(items))
	p := csl.NewProcessor(style, csl.Options{})
	p.Register(list...)
	t := p.Bibliography()[0].CiteText()
	fmt.Println(t.HTML())
	fmt.Println(t.Markdown())
	// Output:
	// Maisky, Ivan. 2017a. <i>The Complete Maisky Diaries</i>. Yale University Press.
	// Maisky, Ivan. 2017a. *The Complete Maisky Diaries*. Yale University Press.
}
