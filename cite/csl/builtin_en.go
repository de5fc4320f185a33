package csl

import (
	"strings"

	"github.com/maisky-lib/maisky/cite"
)

// builtinEnUS is the en-US locale used when no locale file is given and
// after every locale file: CSL's en-US locale (locales-en-US.xml, the
// one citeproc-js is pinned with). The terms package cite carries for
// its built-in styles (cite.LocaleTerms: the locator labels, months and
// seasons) come from cite's table, so there is one; the others follow in
// enUSTerms.
func builtinEnUS() string {
	var sb strings.Builder
	sb.WriteString(enUSHead)
	for _, t := range cite.LocaleTerms() {
		sb.WriteString(`<term name="`)
		sb.WriteString(t.Name)
		sb.WriteString(`"`)
		if t.Form != "long" {
			sb.WriteString(` form="`)
			sb.WriteString(t.Form)
			sb.WriteString(`"`)
		}
		sb.WriteString(">")
		if t.Multiple != "" {
			sb.WriteString("<single>")
			xmlEscape(&sb, t.Single)
			sb.WriteString("</single><multiple>")
			xmlEscape(&sb, t.Multiple)
			sb.WriteString("</multiple>")
		} else {
			xmlEscape(&sb, t.Single)
		}
		sb.WriteString("</term>\n")
	}
	sb.WriteString(enUSTerms)
	sb.WriteString("</terms></locale>")
	return sb.String()
}

func xmlEscape(sb *strings.Builder, s string) {
	for _, r := range s {
		switch r {
		case '&':
			sb.WriteString("&amp;")
		case '<':
			sb.WriteString("&lt;")
		case '>':
			sb.WriteString("&gt;")
		default:
			sb.WriteRune(r)
		}
	}
}

const enUSHead = `<locale xml:lang="en-US">
<style-options punctuation-in-quote="true"/>
<date form="text"><date-part name="month" suffix=" "/><date-part name="day" suffix=", "/><date-part name="year"/></date>
<date form="numeric"><date-part name="month" form="numeric-leading-zeros" suffix="/"/><date-part name="day" form="numeric-leading-zeros" suffix="/"/><date-part name="year"/></date>
<terms>
`

// enUSTerms are the terms of the en-US locale that package cite does not
// carry.
const enUSTerms = `<term name="accessed">accessed</term>
<term name="advance-online-publication">advance online publication</term>
<term name="album">album</term>
<term name="and">and</term>
<term name="and others">and others</term>
<term name="anonymous">anonymous</term>
<term name="at">at</term>
<term name="audio-recording">audio recording</term>
<term name="available at">available at</term>
<term name="by">by</term>
<term name="circa">circa</term>
<term name="cited">cited</term>
<term name="et-al">et al.</term>
<term name="film">film</term>
<term name="forthcoming">forthcoming</term>
<term name="from">from</term>
<term name="henceforth">henceforth</term>
<term name="ibid">ibid.</term>
<term name="in">in</term>
<term name="in press">in press</term>
<term name="internet">internet</term>
<term name="letter">letter</term>
<term name="loc-cit">loc. cit.</term>
<term name="no date">no date</term>
<term name="no-place">no place</term>
<term name="no-publisher">no publisher</term>
<term name="on">on</term>
<term name="online">online</term>
<term name="op-cit">op. cit.</term>
<term name="original-work-published">original work published</term>
<term name="personal-communication">personal communication</term>
<term name="podcast">podcast</term>
<term name="podcast-episode">podcast episode</term>
<term name="preprint">preprint</term>
<term name="presented at">presented at the</term>
<term name="radio-broadcast">radio broadcast</term>
<term name="radio-series">radio series</term>
<term name="radio-series-episode">radio series episode</term>
<term name="reference"><single>reference</single><multiple>references</multiple></term>
<term name="retrieved">retrieved</term>
<term name="review-of">review of</term>
<term name="scale">scale</term>
<term name="special-issue">special issue</term>
<term name="special-section">special section</term>
<term name="television-broadcast">television broadcast</term>
<term name="television-series">television series</term>
<term name="television-series-episode">television series episode</term>
<term name="video">video</term>
<term name="working-paper">working paper</term>
<term name="advance-online-publication" form="short">adv. online pub.</term>
<term name="anonymous" form="short">anon.</term>
<term name="audio-recording" form="short">au. rec.</term>
<term name="available at" form="short">avail. at</term>
<term name="circa" form="short">c.</term>
<term name="cited" form="short">cit.</term>
<term name="film" form="short">flm.</term>
<term name="from" form="short">fr.</term>
<term name="letter" form="short">let.</term>
<term name="no date" form="short">n.d.</term>
<term name="no-place" form="short">n.p.</term>
<term name="no-publisher" form="short">n.p.</term>
<term name="original-work-published" form="short">orig. pub.</term>
<term name="personal-communication" form="short">pers. comm.</term>
<term name="podcast-episode" form="short">podcast ep.</term>
<term name="radio-broadcast" form="short">radio bdcst.</term>
<term name="radio-series" form="short">radio ser.</term>
<term name="radio-series-episode" form="short">radio ser. ep.</term>
<term name="reference" form="short"><single>ref.</single><multiple>refs.</multiple></term>
<term name="retrieved" form="short">rtvd.</term>
<term name="review-of" form="short">rev. of</term>
<term name="scale" form="short">sc.</term>
<term name="special-issue" form="short">spec. iss.</term>
<term name="special-section" form="short">spec. sec.</term>
<term name="television-broadcast" form="short">TV bdcst.</term>
<term name="television-series" form="short">TV ser.</term>
<term name="television-series-episode" form="short">TV ser. ep.</term>
<term name="video" form="short">vid.</term>
<term name="working-paper" form="short">wkg. paper</term>
<term name="and" form="symbol">&amp;</term>
<term name="at" form="symbol">@</term>
<term name="article">preprint</term>
<term name="article-journal">journal article</term>
<term name="article-magazine">magazine article</term>
<term name="article-newspaper">newspaper article</term>
<term name="bill">bill</term>
<term name="broadcast">broadcast</term>
<term name="classic">classical work</term>
<term name="collection">archival collection</term>
<term name="dataset">dataset</term>
<term name="document">document</term>
<term name="entry">entry</term>
<term name="entry-dictionary">dictionary entry</term>
<term name="entry-encyclopedia">encyclopedia entry</term>
<term name="event">event</term>
<term name="graphic">graphic</term>
<term name="hearing">hearing</term>
<term name="interview">interview</term>
<term name="legal_case">legal case</term>
<term name="legislation">legislation</term>
<term name="manuscript">manuscript</term>
<term name="map">map</term>
<term name="motion_picture">video recording</term>
<term name="musical_score">musical score</term>
<term name="pamphlet">pamphlet</term>
<term name="paper-conference">conference paper</term>
<term name="patent">patent</term>
<term name="performance">performance</term>
<term name="periodical">periodical</term>
<term name="personal_communication">personal communication</term>
<term name="post">post</term>
<term name="post-weblog">blog post</term>
<term name="regulation">regulation</term>
<term name="report">report</term>
<term name="review">review</term>
<term name="review-book">book review</term>
<term name="software">software</term>
<term name="song">audio recording</term>
<term name="speech">presentation</term>
<term name="standard">standard</term>
<term name="thesis">thesis</term>
<term name="treaty">treaty</term>
<term name="webpage">webpage</term>
<term name="article-journal" form="short">jour. art.</term>
<term name="article-magazine" form="short">mag. art.</term>
<term name="article-newspaper" form="short">newspaper art.</term>
<term name="broadcast" form="short">bdcst.</term>
<term name="classic" form="short">class. wk.</term>
<term name="collection" form="short">arch. coll.</term>
<term name="document" form="short">doc.</term>
<term name="entry-dictionary" form="short">dict. entry</term>
<term name="entry-encyclopedia" form="short">ency. entry</term>
<term name="graphic" form="short">gr.</term>
<term name="interview" form="short">int.</term>
<term name="legal_case" form="short">leg. case</term>
<term name="legislation" form="short">legis.</term>
<term name="manuscript" form="short"><single>MS</single><multiple>MSS</multiple></term>
<term name="motion_picture" form="short">vid. rec.</term>
<term name="musical_score" form="short">mus. score</term>
<term name="pamphlet" form="short">pam.</term>
<term name="paper-conference" form="short">conf. paper</term>
<term name="patent" form="short">pat.</term>
<term name="performance" form="short">prfm.</term>
<term name="personal_communication" form="short">pers. comm.</term>
<term name="regulation" form="short">reg.</term>
<term name="report" form="short">rep.</term>
<term name="review" form="short">rev.</term>
<term name="review-book" form="short">bk. rev.</term>
<term name="software" form="short">sftw.</term>
<term name="song" form="short">au. rec.</term>
<term name="standard" form="short">std.</term>
<term name="thesis" form="short">thes.</term>
<term name="webpage" form="short">webpg.</term>
<term name="hearing" form="verb">testimony of</term>
<term name="review" form="verb">review of</term>
<term name="review-book" form="verb">review of the book</term>
<term name="hearing" form="verb-short">test. of</term>
<term name="review" form="verb-short">rev. of</term>
<term name="review-book" form="verb-short">rev. of the bk.</term>
<term name="ad"> AD</term>
<term name="bc"> BC</term>
<term name="bce"> BCE</term>
<term name="ce"> CE</term>
<term name="open-quote">“</term>
<term name="close-quote">”</term>
<term name="open-inner-quote">‘</term>
<term name="close-inner-quote">’</term>
<term name="page-range-delimiter">–</term>
<term name="colon">:</term>
<term name="comma">,</term>
<term name="semicolon">;</term>
<term name="ordinal">th</term>
<term name="ordinal-01">st</term>
<term name="ordinal-02">nd</term>
<term name="ordinal-03">rd</term>
<term name="ordinal-11">th</term>
<term name="ordinal-12">th</term>
<term name="ordinal-13">th</term>
<term name="long-ordinal-01">first</term>
<term name="long-ordinal-02">second</term>
<term name="long-ordinal-03">third</term>
<term name="long-ordinal-04">fourth</term>
<term name="long-ordinal-05">fifth</term>
<term name="long-ordinal-06">sixth</term>
<term name="long-ordinal-07">seventh</term>
<term name="long-ordinal-08">eighth</term>
<term name="long-ordinal-09">ninth</term>
<term name="long-ordinal-10">tenth</term>
<term name="act"><single>act</single><multiple>acts</multiple></term>
<term name="chapter" form="symbol"><single>c.</single><multiple>cc.</multiple></term>
<term name="paragraph" form="symbol"><single>¶</single><multiple>¶¶</multiple></term>
<term name="section" form="symbol"><single>§</single><multiple>§§</multiple></term>
<term name="chapter-number"><single>chapter</single><multiple>chapters</multiple></term>
<term name="citation-number"><single>citation</single><multiple>citations</multiple></term>
<term name="collection-number"><single>number</single><multiple>numbers</multiple></term>
<term name="edition"><single>edition</single><multiple>editions</multiple></term>
<term name="first-reference-note-number"><single>note</single><multiple>notes</multiple></term>
<term name="number"><single>number</single><multiple>numbers</multiple></term>
<term name="number-of-pages"><single>page</single><multiple>pages</multiple></term>
<term name="number-of-volumes"><single>volume</single><multiple>volumes</multiple></term>
<term name="page-first"><single>page</single><multiple>pages</multiple></term>
<term name="printing"><single>printing</single><multiple>printings</multiple></term>
<term name="version"><single>version</single><multiple>versions</multiple></term>
<term name="chapter-number" form="short"><single>chap.</single><multiple>chaps.</multiple></term>
<term name="citation-number" form="short"><single>cit.</single><multiple>cits.</multiple></term>
<term name="collection-number" form="short"><single>no.</single><multiple>nos.</multiple></term>
<term name="edition" form="short"><single>ed.</single><multiple>eds.</multiple></term>
<term name="first-reference-note-number" form="short"><single>n.</single><multiple>nn.</multiple></term>
<term name="number" form="short"><single>no.</single><multiple>nos.</multiple></term>
<term name="number-of-pages" form="short"><single>p.</single><multiple>pp.</multiple></term>
<term name="number-of-volumes" form="short"><single>vol.</single><multiple>vols.</multiple></term>
<term name="page-first" form="short"><single>p.</single><multiple>pp.</multiple></term>
<term name="printing" form="short"><single>ptg.</single><multiple>ptgs.</multiple></term>
<term name="version" form="short">v.</term>
<term name="author"></term>
<term name="chair"><single>chair</single><multiple>chairs</multiple></term>
<term name="collection-editor"><single>editor</single><multiple>editors</multiple></term>
<term name="compiler"><single>compiler</single><multiple>compilers</multiple></term>
<term name="composer"></term>
<term name="container-author"></term>
<term name="contributor"><single>contributor</single><multiple>contributors</multiple></term>
<term name="curator"><single>curator</single><multiple>curators</multiple></term>
<term name="director"><single>director</single><multiple>directors</multiple></term>
<term name="editor"><single>editor</single><multiple>editors</multiple></term>
<term name="editor-translator"><single>editor &amp; translator</single><multiple>editors &amp; translators</multiple></term>
<term name="editortranslator"><single>editor &amp; translator</single><multiple>editors &amp; translators</multiple></term>
<term name="editorial-director"><single>editor</single><multiple>editors</multiple></term>
<term name="executive-producer"><single>executive producer</single><multiple>executive producers</multiple></term>
<term name="guest"><single>guest</single><multiple>guests</multiple></term>
<term name="host"><single>host</single><multiple>hosts</multiple></term>
<term name="illustrator"><single>illustrator</single><multiple>illustrators</multiple></term>
<term name="interviewer"></term>
<term name="narrator"><single>narrator</single><multiple>narrators</multiple></term>
<term name="organizer"><single>organizer</single><multiple>organizers</multiple></term>
<term name="original-author"></term>
<term name="performer"><single>performer</single><multiple>performers</multiple></term>
<term name="producer"><single>producer</single><multiple>producers</multiple></term>
<term name="recipient"></term>
<term name="reviewed-author"></term>
<term name="script-writer"><single>writer</single><multiple>writers</multiple></term>
<term name="series-creator"><single>series creator</single><multiple>series creators</multiple></term>
<term name="translator"><single>translator</single><multiple>translators</multiple></term>
<term name="collection-editor" form="short"><single>ed.</single><multiple>eds.</multiple></term>
<term name="compiler" form="short"><single>comp.</single><multiple>comps.</multiple></term>
<term name="contributor" form="short"><single>contrib.</single><multiple>contribs.</multiple></term>
<term name="curator" form="short"><single>cur.</single><multiple>curs.</multiple></term>
<term name="director" form="short"><single>dir.</single><multiple>dirs.</multiple></term>
<term name="editor" form="short"><single>ed.</single><multiple>eds.</multiple></term>
<term name="editor-translator" form="short"><single>ed. &amp; trans.</single><multiple>eds. &amp; trans.</multiple></term>
<term name="editortranslator" form="short"><single>ed. &amp; trans.</single><multiple>eds. &amp; trans.</multiple></term>
<term name="editorial-director" form="short"><single>ed.</single><multiple>eds.</multiple></term>
<term name="executive-producer" form="short"><single>exec. prod.</single><multiple>exec. prods.</multiple></term>
<term name="illustrator" form="short"><single>ill.</single><multiple>ills.</multiple></term>
<term name="narrator" form="short"><single>narr.</single><multiple>narrs.</multiple></term>
<term name="organizer" form="short"><single>org.</single><multiple>orgs.</multiple></term>
<term name="performer" form="short"><single>perf.</single><multiple>perfs.</multiple></term>
<term name="producer" form="short"><single>prod.</single><multiple>prods.</multiple></term>
<term name="script-writer" form="short"><single>wrtr.</single><multiple>wrtrs.</multiple></term>
<term name="series-creator" form="short"><single>ser. creator</single><multiple>ser. creators</multiple></term>
<term name="translator" form="short">trans.</term>
<term name="chair" form="verb">chaired by</term>
<term name="collection-editor" form="verb">edited by</term>
<term name="compiler" form="verb">compiled by</term>
<term name="composer" form="verb">composed by</term>
<term name="container-author" form="verb">by</term>
<term name="contributor" form="verb">with</term>
<term name="curator" form="verb">curated by</term>
<term name="director" form="verb">directed by</term>
<term name="editor" form="verb">edited by</term>
<term name="editor-translator" form="verb">edited &amp; translated by</term>
<term name="editortranslator" form="verb">edited &amp; translated by</term>
<term name="editorial-director" form="verb">edited by</term>
<term name="executive-producer" form="verb">executive produced by</term>
<term form="verb" name="guest"><single>with guest</single><multiple>with guests</multiple></term>
<term name="host" form="verb">hosted by</term>
<term name="illustrator" form="verb">illustrated by</term>
<term name="interviewer" form="verb">interview by</term>
<term name="narrator" form="verb">narrated by</term>
<term name="organizer" form="verb">organized by</term>
<term name="original-author" form="verb">by</term>
<term name="performer" form="verb">performed by</term>
<term name="producer" form="verb">produced by</term>
<term name="recipient" form="verb">to</term>
<term name="reviewed-author" form="verb">by</term>
<term name="script-writer" form="verb">written by</term>
<term name="series-creator" form="verb">created by</term>
<term name="translator" form="verb">translated by</term>
<term name="collection-editor" form="verb-short">ed. by</term>
<term name="compiler" form="verb-short">comp. by</term>
<term name="composer" form="verb-short">comp. by</term>
<term name="curator" form="verb-short">cur. by</term>
<term name="director" form="verb-short">dir. by</term>
<term name="editor" form="verb-short">ed. by</term>
<term name="editor-translator" form="verb-short">ed. &amp; trans. by</term>
<term name="editortranslator" form="verb-short">ed. &amp; trans. by</term>
<term name="editorial-director" form="verb-short">ed. by</term>
<term name="executive-producer" form="verb-short">exec. prod. by</term>
<term name="illustrator" form="verb-short">ill. by</term>
<term name="narrator" form="verb-short">narr. by</term>
<term name="organizer" form="verb-short">org. by</term>
<term name="performer" form="verb-short">perf. by</term>
<term name="producer" form="verb-short">prod. by</term>
<term name="script-writer" form="verb-short">writ. by</term>
<term name="translator" form="verb-short">trans. by</term>
`
