package csl

// builtinEnUS is the en-US locale used when no locale file is given and
// after every locale file: the terms, date formats and options of CSL's
// en-US locale that styles use most.
const builtinEnUS = `<locale xml:lang="en-US">
<style-options punctuation-in-quote="true"/>
<date form="text"><date-part name="month" suffix=" "/><date-part name="day" suffix=", "/><date-part name="year"/></date>
<date form="numeric"><date-part name="month" form="numeric-leading-zeros" suffix="/"/><date-part name="day" form="numeric-leading-zeros" suffix="/"/><date-part name="year"/></date>
<terms>
<term name="accessed">accessed</term>
<term name="and">and</term>
<term name="and others">and others</term>
<term name="anonymous">anonymous</term>
<term name="anonymous" form="short">anon.</term>
<term name="at">at</term>
<term name="available at">available at</term>
<term name="by">by</term>
<term name="circa">circa</term>
<term name="circa" form="short">c.</term>
<term name="cited">cited</term>
<term name="edition"><single>edition</single><multiple>editions</multiple></term>
<term name="edition" form="short"><single>ed.</single><multiple>eds.</multiple></term>
<term name="et-al">et al.</term>
<term name="forthcoming">forthcoming</term>
<term name="from">from</term>
<term name="ibid">ibid.</term>
<term name="in">in</term>
<term name="in press">in press</term>
<term name="internet">internet</term>
<term name="letter">letter</term>
<term name="no date">no date</term>
<term name="no date" form="short">n.d.</term>
<term name="online">online</term>
<term name="presented at">presented at the</term>
<term name="reference"><single>reference</single><multiple>references</multiple></term>
<term name="reference" form="short"><single>ref.</single><multiple>refs.</multiple></term>
<term name="retrieved">retrieved</term>
<term name="scale">scale</term>
<term name="version">version</term>
<term name="ad">AD</term>
<term name="bc">BC</term>
<term name="open-quote">“</term>
<term name="close-quote">”</term>
<term name="open-inner-quote">‘</term>
<term name="close-inner-quote">’</term>
<term name="page-range-delimiter">–</term>
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
<term name="book"><single>book</single><multiple>books</multiple></term>
<term name="chapter"><single>chapter</single><multiple>chapters</multiple></term>
<term name="column"><single>column</single><multiple>columns</multiple></term>
<term name="figure"><single>figure</single><multiple>figures</multiple></term>
<term name="folio"><single>folio</single><multiple>folios</multiple></term>
<term name="issue"><single>number</single><multiple>numbers</multiple></term>
<term name="line"><single>line</single><multiple>lines</multiple></term>
<term name="note"><single>note</single><multiple>notes</multiple></term>
<term name="opus"><single>opus</single><multiple>opera</multiple></term>
<term name="page"><single>page</single><multiple>pages</multiple></term>
<term name="number-of-pages"><single>page</single><multiple>pages</multiple></term>
<term name="paragraph"><single>paragraph</single><multiple>paragraphs</multiple></term>
<term name="part"><single>part</single><multiple>parts</multiple></term>
<term name="section"><single>section</single><multiple>sections</multiple></term>
<term name="sub verbo"><single>sub verbo</single><multiple>sub verbis</multiple></term>
<term name="sub-verbo"><single>sub verbo</single><multiple>sub verbis</multiple></term>
<term name="verse"><single>verse</single><multiple>verses</multiple></term>
<term name="volume"><single>volume</single><multiple>volumes</multiple></term>
<term name="book" form="short"><single>bk.</single><multiple>bks.</multiple></term>
<term name="chapter" form="short"><single>chap.</single><multiple>chaps.</multiple></term>
<term name="column" form="short"><single>col.</single><multiple>cols.</multiple></term>
<term name="figure" form="short"><single>fig.</single><multiple>figs.</multiple></term>
<term name="folio" form="short"><single>fol.</single><multiple>fols.</multiple></term>
<term name="issue" form="short"><single>no.</single><multiple>nos.</multiple></term>
<term name="line" form="short"><single>l.</single><multiple>ll.</multiple></term>
<term name="note" form="short"><single>n.</single><multiple>nn.</multiple></term>
<term name="opus" form="short"><single>op.</single><multiple>opp.</multiple></term>
<term name="page" form="short"><single>p.</single><multiple>pp.</multiple></term>
<term name="number-of-pages" form="short"><single>p.</single><multiple>pp.</multiple></term>
<term name="paragraph" form="short"><single>para.</single><multiple>paras.</multiple></term>
<term name="part" form="short"><single>pt.</single><multiple>pts.</multiple></term>
<term name="section" form="short"><single>sec.</single><multiple>secs.</multiple></term>
<term name="sub verbo" form="short"><single>s.v.</single><multiple>s.vv.</multiple></term>
<term name="sub-verbo" form="short"><single>s.v.</single><multiple>s.vv.</multiple></term>
<term name="verse" form="short"><single>v.</single><multiple>vv.</multiple></term>
<term name="volume" form="short"><single>vol.</single><multiple>vols.</multiple></term>
<term name="paragraph" form="symbol"><single>¶</single><multiple>¶¶</multiple></term>
<term name="section" form="symbol"><single>§</single><multiple>§§</multiple></term>
<term name="director"><single>director</single><multiple>directors</multiple></term>
<term name="editor"><single>editor</single><multiple>editors</multiple></term>
<term name="editorial-director"><single>editor</single><multiple>editors</multiple></term>
<term name="illustrator"><single>illustrator</single><multiple>illustrators</multiple></term>
<term name="translator"><single>translator</single><multiple>translators</multiple></term>
<term name="editortranslator"><single>editor &amp; translator</single><multiple>editors &amp; translators</multiple></term>
<term name="director" form="short"><single>dir.</single><multiple>dirs.</multiple></term>
<term name="editor" form="short"><single>ed.</single><multiple>eds.</multiple></term>
<term name="editorial-director" form="short"><single>ed.</single><multiple>eds.</multiple></term>
<term name="illustrator" form="short"><single>ill.</single><multiple>ills.</multiple></term>
<term name="translator" form="short"><single>tran.</single><multiple>trans.</multiple></term>
<term name="editortranslator" form="short"><single>ed. &amp; tran.</single><multiple>eds. &amp; trans.</multiple></term>
<term name="container-author" form="verb">by</term>
<term name="director" form="verb">directed by</term>
<term name="editor" form="verb">edited by</term>
<term name="editorial-director" form="verb">edited by</term>
<term name="illustrator" form="verb">illustrated by</term>
<term name="interviewer" form="verb">interview by</term>
<term name="recipient" form="verb">to</term>
<term name="reviewed-author" form="verb">by</term>
<term name="translator" form="verb">translated by</term>
<term name="editortranslator" form="verb">edited &amp; translated by</term>
<term name="director" form="verb-short">dir. by</term>
<term name="editor" form="verb-short">ed. by</term>
<term name="editorial-director" form="verb-short">ed. by</term>
<term name="illustrator" form="verb-short">illus. by</term>
<term name="translator" form="verb-short">trans. by</term>
<term name="editortranslator" form="verb-short">ed. &amp; trans. by</term>
<term name="month-01">January</term>
<term name="month-01" form="short">Jan.</term>
<term name="month-02">February</term>
<term name="month-02" form="short">Feb.</term>
<term name="month-03">March</term>
<term name="month-03" form="short">Mar.</term>
<term name="month-04">April</term>
<term name="month-04" form="short">Apr.</term>
<term name="month-05">May</term>
<term name="month-05" form="short">May</term>
<term name="month-06">June</term>
<term name="month-06" form="short">Jun.</term>
<term name="month-07">July</term>
<term name="month-07" form="short">Jul.</term>
<term name="month-08">August</term>
<term name="month-08" form="short">Aug.</term>
<term name="month-09">September</term>
<term name="month-09" form="short">Sep.</term>
<term name="month-10">October</term>
<term name="month-10" form="short">Oct.</term>
<term name="month-11">November</term>
<term name="month-11" form="short">Nov.</term>
<term name="month-12">December</term>
<term name="month-12" form="short">Dec.</term>
<term name="season-01">Spring</term>
<term name="season-02">Summer</term>
<term name="season-03">Autumn</term>
<term name="season-04">Winter</term>
</terms></locale>`
