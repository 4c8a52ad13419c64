package bodies

import (
	"fmt"
	"strings"
	"sync"
	"testing"
	"unicode"
	"unicode/utf8"
)

var (
	testDetectorOnce sync.Once
	testDetector     *Detector
)

func detector(t testing.TB) *Detector {
	t.Helper()
	testDetectorOnce.Do(func() { testDetector = NewDetector(defaultRegistry(t)) })
	return testDetector
}

// found renders mentions as "surface=name" pairs, marking bodies found by
// their form with a "*".
func found(ms []Mention) []string {
	var out []string
	for _, m := range ms {
		s := m.Surface + "=" + m.Body.Name
		if m.Body.FoundByForm {
			s += "*"
		}
		out = append(out, s)
	}
	return out
}

func TestFind(t *testing.T) {
	cases := []struct {
		name string
		text string
		want []string
	}{
		{"name", "The Metropolitan Police Service has a role.", []string{"Metropolitan Police Service=Metropolitan Police Service"}},
		{"alias", "What are the Metropolitan Police doing?", []string{"Metropolitan Police=Metropolitan Police Service"}},
		{"alias with the", "arrests by the Met and others", []string{"the Met=Metropolitan Police Service"}},
		{"acronym", "the MPS has a key role", []string{"MPS=Metropolitan Police Service"}},
		{"acronym is case-sensitive", "many MPs and mps said so", nil},
		{"acronym possessive", "the GLA’s response to Defra's consultation", []string{"GLA=Greater London Authority", "Defra=Department for Environment, Food and Rural Affairs"}},
		{"upper case name", "THE HOME OFFICE said", []string{"HOME OFFICE=Home Office"}},
		{"small words in any case", "the Department For Transport", []string{"Department For Transport=Department for Transport"}},
		{"lower case is a common noun", "forced labour and the home office", nil},
		{"head noun without capital", "many London councils agree", nil},
		{"curly apostrophe", "the Mayor’s Office for Policing and Crime", []string{"Mayor’s Office for Policing and Crime=Mayor's Office for Policing and Crime"}},
		{"straight apostrophe", "the Mayor's Office for Policing and Crime", []string{"Mayor's Office for Policing and Crime=Mayor's Office for Policing and Crime"}},
		{"ampersand", "HM Revenue & Customs figures", []string{"HM Revenue & Customs=HM Revenue and Customs"}},
		{"and for ampersand", "the London Borough of Hammersmith & Fulham", []string{"London Borough of Hammersmith & Fulham=London Borough of Hammersmith and Fulham"}},
		{"no-break spaces", "the Metropolitan\u00a0Police\u00a0Service acts", []string{"Metropolitan\u00a0Police\u00a0Service=Metropolitan Police Service"}},
		{"run of spaces and a newline", "Transport  for\nLondon runs buses", []string{"Transport  for\nLondon=Transport for London"}},
		{"optional comma", "a matter for the Department of Environment, Food and Rural Affairs.", []string{"Department of Environment, Food and Rural Affairs=Department for Environment, Food and Rural Affairs"}},
		{"no comma", "the Department for Environment Food and Rural Affairs", []string{"Department for Environment Food and Rural Affairs=Department for Environment, Food and Rural Affairs"}},
		{"The inside a sentence", "the editor of The Evening Standard said", []string{"The Evening Standard=Evening Standard"}},
		{"the in lower case", "the Evening Standard campaign", []string{"Evening Standard=Evening Standard"}},
		{"The at sentence start", "The Evening Standard ran a campaign.", []string{"Evening Standard=Evening Standard"}},
		{"name with The", "Zac Goldsmith, Director, The Ecologist", []string{"The Ecologist=The Ecologist*"}},
		{"word boundary", "the Metropolitans and GLAs and TfLs", nil},
		{"longest match", "the London Fire and Emergency Planning Authority and the London Fire Brigade", []string{
			"London Fire and Emergency Planning Authority=London Fire and Emergency Planning Authority", "London Fire Brigade=London Fire Brigade"}},
		{"longest: group over party", "the Labour Group and Labour", []string{"Labour Group=London Assembly Labour Group", "Labour=Labour Party"}},
		{"party adjective and nickname", "Clapham Tories and Green Assembly Members", []string{"Tories=Conservative Party", "Green=Green Party of England and Wales"}},
		{"place is not a body", "in Westminster and Camden, near London Bridge and Hammersmith Bridge", nil},
		{"council names", "Westminster Council, the City of Westminster and Hillingdon Council", []string{
			"Westminster Council=Westminster City Council", "City of Westminster=Westminster City Council", "Hillingdon Council=London Borough of Hillingdon"}},
		{"phrase that is not a body", "the Green Belt and Bethnal Green", nil},
		{"law", "under the Greater London Authority Act 1999 and the Modern Slavery Act", nil},
		{"brackets", "Nick Clegg [Deputy Prime Minister] and [the Home Office]", nil},
		{"after brackets", "[the loss] to HM Treasury", []string{"HM Treasury=HM Treasury"}},
		{"learned acronym", "the Police and Crime Committee (P&C) and later P&C again", []string{
			"Police and Crime Committee=London Assembly Police and Crime Committee", "P&C=London Assembly Police and Crime Committee", "P&C=London Assembly Police and Crime Committee"}},
		{"learned acronym for a body found by form", "the Hounslow Youth Partnership (HYP) met; HYP agreed", []string{
			"Hounslow Youth Partnership=Hounslow Youth Partnership*", "HYP=Hounslow Youth Partnership*", "HYP=Hounslow Youth Partnership*"}},
		{"possessive committee", "a session of the Assembly's Health and Environment Committee", []string{"Health and Environment Committee=London Assembly Health and Environment Committee"}},
		{"of the registry body", "her Chairmanship of the Police and Crime Committee", []string{"Police and Crime Committee=London Assembly Police and Crime Committee"}},
		{"variant of a registry name", "the Modern Slavery Partnership Board was set up", []string{"Modern Slavery Partnership Board=London Modern Slavery Partnership Board"}},
		{"form: trust", "Now that the Peckham Heritage Trust has decided", []string{"Peckham Heritage Trust=Peckham Heritage Trust*"}},
		{"form: party", "the one that was just heckling, the Bray Party - have", []string{"Bray Party=Bray Party*"}},
		{"form: of continuation", "the Commission for Racial Justice and the Council of Europe", []string{
			"Commission for Racial Justice=Commission for Racial Justice*", "Council of Europe=Council of Europe"}},
		{"form: county council", "Surrey County Council and Slough Borough Council and Reading Borough Council", []string{
			"Surrey County Council=Surrey County Council", "Slough Borough Council=Slough Borough Council", "Reading Borough Council=Reading Borough Council*"}},
		{"form: possessive", "the Prince's Trust and the Children's Society and the Widows' Society", []string{
			"Prince's Trust=Prince's Trust", "Children's Society=Children's Society"}},
		{"form: ltd", "contracts with Acme Tunnelling Ltd were signed", []string{"Acme Tunnelling Ltd=Acme Tunnelling Ltd*"}},
		{"generic references", "the Council, the Trust, the Assembly, the Fire Authority, the Police, the UK Government, the Government and the Mayor's Office", nil},
		{"more generic references", "the Planning Committee of the borough, the NHS Trust, the Local Authority and the Borough Council", []string{
			"Planning Committee=London Assembly Planning Committee", "NHS=National Health Service"}},
		{"job titles", "the London Fire Commissioner and the Secretary of State for Transport and the Mayor's Office", nil},
		{"body inside a job title", "the Secretary of State for Housing, Communities and Local Government and the Minister for London", nil},
		{"plans and programmes", "the Police and Crime Plan, the Air Quality Strategy and Team London", nil},
		{"head noun followed by a capital", "Council Tax and the Trust Fund and Board Meeting", nil},
		{"list is not one name", "Sutton, Merton Borough Council", []string{"Merton Borough Council=London Borough of Merton"}},
		{"sentence start", "Yesterday Council officers met. However Board members agreed.", nil},
		{"places and buildings", "the Olympic Site, City Hall, Lambeth Town Hall and Clapham Fire Station", nil},
		{"davies commission", "the terms of reference for the Davies Commission", []string{"Davies Commission=Airports Commission"}},
		{"world health organisation spelling", "World Health Organisation levels", []string{"World Health Organisation=World Health Organization"}},
		{"table row", "Territorial Policing (TP) Brent 3\nRoyal Parks OCU 1", []string{
			"Territorial Policing=Territorial Policing", "TP=Territorial Policing", "Royal Parks OCU=Royal Parks OCU*"}},
		{"accents", "Médecins Sans Frontières and Medecins Sans Frontieres", []string{
			"Médecins Sans Frontières=Médecins Sans Frontières", "Medecins Sans Frontieres=Médecins Sans Frontières"}},
		{"met office is not the met", "the Met Office forecast", []string{"Met Office=Met Office"}},
	}
	d := detector(t)
	// Twice: the second time, each Scanner splits the text in the buffers
	// of a closed one.
	for range 2 {
		for _, c := range cases {
			t.Run(c.name, func(t *testing.T) {
				sc := d.Scanner()
				defer sc.Close()
				got := found(sc.Find(c.text))
				if fmt.Sprint(got) != fmt.Sprint(c.want) {
					t.Errorf("Find(%q)\n got %q\nwant %q", c.text, got, c.want)
				}
			})
		}
	}
}

func TestFindOffsets(t *testing.T) {
	text := "Ça: the Mayor’s Office for Policing and Crime (MOPAC) and the MPS\u00a0— TfL."
	ms := detector(t).Scanner().Find(text)
	if len(ms) != 4 {
		t.Fatalf("got %d mentions %q, want 4", len(ms), found(ms))
	}
	runes := []rune(text)
	for _, m := range ms {
		if got := string(runes[m.Begin:m.End]); got != m.Surface {
			t.Errorf("code points %d-%d hold %q, surface %q", m.Begin, m.End, got, m.Surface)
		}
		if got := text[m.ByteBegin:m.ByteEnd]; got != m.Surface {
			t.Errorf("bytes %d-%d hold %q, surface %q", m.ByteBegin, m.ByteEnd, got, m.Surface)
		}
	}
	if ms[0].Begin != 8 || ms[0].End != 45 {
		t.Errorf("first mention at %d-%d, want 8-45", ms[0].Begin, ms[0].End)
	}
}

func TestScannerRemembersAcrossSpans(t *testing.T) {
	sc := detector(t).Scanner()
	first := sc.Find("How does the Hounslow Youth Partnership (HYP) work?")
	second := sc.Find("HYP meets monthly; the Hounslow Youth Partnership reports to nobody.")
	if len(first) != 2 || len(second) != 2 {
		t.Fatalf("got %q then %q", found(first), found(second))
	}
	if first[0].Body != second[0].Body || second[0].Body != second[1].Body {
		t.Errorf("the same body found by form should be one *Body across spans")
	}
	if got := sc.Minted(); len(got) != 1 || got[0].ID != "hounslow-youth-partnership" || got[0].Kind != KindOther {
		t.Errorf("Minted() = %+v", got)
	}
	// A new transcript starts afresh.
	if got := detector(t).Scanner().Find("HYP meets monthly"); len(got) != 0 {
		t.Errorf("a fresh scanner found %q", found(got))
	}
}

func FuzzFind(f *testing.F) {
	for _, s := range []string{
		"The Metropolitan Police Service (MPS) and the Met",
		"[the loss] to HM Revenue & Customs",
		"Police and Crime Committee (P&C)",
		"the Bray Party - have",
		"Ça’s ((( ]]] [[ , , & -- ' TfL's",
		"\xff\xfe invalid UTF-8 GLA",
	} {
		f.Add(s)
	}
	d := NewDetector(defaultRegistry(f))
	f.Fuzz(func(t *testing.T, text string) {
		sc := d.Scanner()
		for pass := 0; pass < 2; pass++ {
			ms := sc.Find(text)
			n := utf8.RuneCountInString(text)
			prevEnd, prevByte := 0, 0
			for _, m := range ms {
				if m.Body == nil {
					t.Fatalf("mention without body: %+v", m)
				}
				if m.Begin < prevEnd || m.ByteBegin < prevByte {
					t.Fatalf("mentions overlap or are out of order: %+v", ms)
				}
				if m.Begin >= m.End || m.End > n || m.ByteBegin >= m.ByteEnd || m.ByteEnd > len(text) {
					t.Fatalf("mention outside the text: %+v (text %d code points, %d bytes)", m, n, len(text))
				}
				if text[m.ByteBegin:m.ByteEnd] != m.Surface {
					t.Fatalf("surface %q differs from text %q", m.Surface, text[m.ByteBegin:m.ByteEnd])
				}
				if utf8.ValidString(text) && utf8.RuneCountInString(text[:m.ByteBegin]) != m.Begin {
					t.Fatalf("code-point offset %d disagrees with byte offset %d", m.Begin, m.ByteBegin)
				}
				prevEnd, prevByte = m.End, m.ByteEnd
			}
		}
	})
}

func BenchmarkFind(b *testing.B) {
	d := NewDetector(defaultRegistry(b))
	para := "Thank you for this timely question, Chair. The Metropolitan Police Service (MPS) has a central role in tackling modern slavery, working with the Home Office, the CPS, TfL and the London Borough of Hammersmith and Fulham. The Garden Bridge Trust, the Police and Crime Committee (P&C) and the Evening Standard were all mentioned, as was the Hounslow Youth Partnership. Offences can fall under a number of Acts even beyond the Modern Slavery Act; [the loss] is £1.1 billion.\n\n"
	text := strings.Repeat(para, 200) // about 100 KB
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for b.Loop() {
		d.Scanner().Find(text)
	}
}

// isWordRune answers for ASCII as the Unicode classes do.
func TestIsWordRuneASCII(t *testing.T) {
	for r := rune(0); r < utf8.RuneSelf; r++ {
		if got, want := isWordRune(r), unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r); got != want {
			t.Errorf("isWordRune(%q) = %v, want %v", r, got, want)
		}
	}
}
