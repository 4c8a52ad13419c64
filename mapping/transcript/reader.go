package transcript

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"regexp"
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/assemblykg/assemblykg/mapping/people"
)

// Reader reads transcripts, resolving people against a register.
type Reader struct {
	People *people.Register
}

// NewReader returns a Reader that resolves people against reg.
func NewReader(reg *people.Register) *Reader { return &Reader{People: reg} }

// ReadFile reads the transcript at path.
func (rd *Reader) ReadFile(path string) (*Transcript, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return rd.Parse(path, data)
}

// Read reads a whole transcript from r; file names it in errors.
func (rd *Reader) Read(file string, r io.Reader) (*Transcript, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	return rd.Parse(file, data)
}

// Parse reads a transcript held in data; file names it in errors.
func (rd *Reader) Parse(file string, data []byte) (*Transcript, error) {
	t := &Transcript{File: file}
	if bytes.HasPrefix(data, []byte("\xef\xbb\xbf")) {
		t.BOM = true
		data = data[3:]
	}
	if err := checkText(file, data); err != nil {
		return nil, err
	}
	t.Text = string(data)
	p := &parser{rd: rd, t: t, src: t.Text}
	p.splitLines()
	t.Length = p.cp(len(p.src))
	if err := p.parse(); err != nil {
		return nil, err
	}
	return t, nil
}

// checkText rejects input that is not UTF-8 text, with its position.
func checkText(file string, data []byte) error {
	if len(bytes.TrimSpace(bytes.ReplaceAll(data, []byte("\u00a0"), nil))) == 0 {
		return &ParseError{file, 1, 1, ErrEmpty}
	}
	if bytes.HasPrefix(data, []byte{0xff, 0xfe}) || bytes.HasPrefix(data, []byte{0xfe, 0xff}) {
		return &ParseError{file, 1, 1, fmt.Errorf("%w: UTF-16 byte order mark", ErrNotUTF8)}
	}
	line, col := 1, 1
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		switch {
		case r == utf8.RuneError && size <= 1:
			return &ParseError{file, line, col, fmt.Errorf("%w: invalid byte 0x%02x", ErrNotUTF8, data[i])}
		case r == 0 || (r < 0x20 && r != '\n' && r != '\r' && r != '\t' && r != '\f' && r != '\v'):
			return &ParseError{file, line, col, fmt.Errorf("%w: control character U+%04X", ErrBinary, r)}
		case r == '\n':
			line, col = line+1, 0
		}
		col++
		i += size
	}
	return nil
}

// line is one line of the source, without its line end.
type line struct {
	text string
	byte int // offset of the line in src
	cp   int // code-point offset of the line in src
	num  int // 1-based
}

type parser struct {
	rd    *Reader
	t     *Transcript
	src   string
	lines []line
	// labels holds the speaker labels already read: a transcript repeats
	// a few labels many times.
	labels map[string]Speaker
}

func (p *parser) splitLines() {
	off, cp := 0, 0
	for n := 1; off <= len(p.src); n++ {
		end := strings.IndexByte(p.src[off:], '\n')
		next := len(p.src) + 1
		if end < 0 {
			end = len(p.src)
		} else {
			end += off
			next = end + 1
		}
		text := strings.TrimSuffix(p.src[off:end], "\r")
		p.lines = append(p.lines, line{text: text, byte: off, cp: cp, num: n})
		cp += utf8.RuneCountInString(p.src[off:min(next, len(p.src))])
		off = next
	}
}

// cp converts a byte offset of src to a code-point offset.
func (p *parser) cp(off int) int {
	i := sort.Search(len(p.lines), func(i int) bool { return p.lines[i].byte > off }) - 1
	if i < 0 {
		i = 0
	}
	l := p.lines[i]
	return l.cp + utf8.RuneCountInString(p.src[l.byte:off])
}

// span makes a Span from byte offsets of src.
func (p *parser) span(b, e int) Span {
	bom := 0
	if p.t.BOM {
		bom = 3
	}
	return Span{Begin: p.cp(b), End: p.cp(e), ByteBegin: b + bom, ByteEnd: e + bom}
}

// Header markers.
const (
	markSession  = "session date:"
	markQuestion = "question by:"
	markAsked    = "asked of:"
	markAnswered = "answered by:"
	markAnswer   = "answer for"
	markMQT      = "mqt on"
)

func clean(s string) string {
	return strings.TrimSpace(strings.ReplaceAll(s, "\u00a0", " "))
}

func hasMark(l line, mark string) bool {
	return strings.HasPrefix(strings.ToLower(clean(l.text)), mark)
}

func isMarker(l line) bool {
	for _, m := range []string{markSession, markQuestion, markAsked, markAnswered, markAnswer} {
		if hasMark(l, m) {
			return true
		}
	}
	return false
}

func unknown(s string) bool { return s == "" || strings.EqualFold(s, "unknown") }

// find returns the index of the first line at or after from with mark, or -1.
func (p *parser) find(from int, mark string) int {
	for i := from; i < len(p.lines); i++ {
		if hasMark(p.lines[i], mark) {
			return i
		}
	}
	return -1
}

// value returns the value of the marker on line i: the rest of that line, or
// the next non-empty line that is not itself a marker; and the line it is on.
func (p *parser) value(i int, mark string) (string, int) {
	rest := clean(clean(p.lines[i].text)[len(mark):])
	if rest != "" {
		return rest, i
	}
	for j := i + 1; j < len(p.lines); j++ {
		if clean(p.lines[j].text) == "" {
			continue
		}
		if isMarker(p.lines[j]) {
			return "", i
		}
		return clean(p.lines[j].text), j
	}
	return "", i
}

func (p *parser) parse() error {
	t := p.t
	iSession := p.find(0, markSession)
	iQuestion := p.find(0, markQuestion)
	iAsked := p.find(0, markAsked)
	if iQuestion < 0 && iAsked < 0 && iSession < 0 {
		first := 0
		for first < len(p.lines)-1 && clean(p.lines[first].text) == "" {
			first++
		}
		return &ParseError{t.File, p.lines[first].num, 1, ErrNoHeader}
	}
	headerStart := len(p.lines)
	for _, i := range []int{iSession, iQuestion, iAsked} {
		if i >= 0 && i < headerStart {
			headerStart = i
		}
	}
	// Title: the first non-empty line before the header that is not the MQT line.
	for i := 0; i < headerStart; i++ {
		s := clean(p.lines[i].text)
		if s == "" || hasMark(p.lines[i], markMQT) {
			continue
		}
		if t.Title == "" && !unknown(s) {
			t.Title = s
		}
		break
	}
	if i := p.find(0, markMQT); i >= 0 && i < headerStart {
		t.MQTDate = parseDate(clean(p.lines[i].text)[len(markMQT):])
	}
	if iSession >= 0 {
		v, _ := p.value(iSession, markSession)
		t.SessionDate = parseDate(v)
	}
	if t.SessionDate == "" {
		t.SessionDate = t.MQTDate
	}

	// Where the question starts: after the Asked Of value (or the last
	// header line we have).
	qStart := headerStart + 1
	var askedOf, questionBy, group string
	if iQuestion >= 0 {
		var at int
		questionBy, at = p.value(iQuestion, markQuestion)
		qStart = max(qStart, at+1)
		// The group is the next non-empty line before Asked Of, if any.
		for j := at + 1; j < len(p.lines) && (iAsked < 0 || j < iAsked); j++ {
			if s := clean(p.lines[j].text); s != "" {
				if !isMarker(p.lines[j]) {
					group = s
					qStart = max(qStart, j+1)
				}
				break
			}
		}
	}
	if iAsked >= 0 {
		var at int
		askedOf, at = p.value(iAsked, markAsked)
		qStart = max(qStart, at+1)
	}
	if !unknown(group) {
		t.Group = group
	}

	// The answer section.
	qEnd, aStart := len(p.lines), len(p.lines)
	answeredBy := ""
	if i := p.find(qStart, markAnswer); i >= 0 {
		qEnd = i
	}
	if i := p.find(qStart, markAnswered); i >= 0 {
		qEnd = min(qEnd, i)
		var at int
		answeredBy, at = p.value(i, markAnswered)
		aStart = at + 1
	} else if qEnd < len(p.lines) {
		// "Answer for" lines but no "Answered By:": the answer follows them.
		aStart = qEnd
		for aStart < len(p.lines) && (hasMark(p.lines[aStart], markAnswer) || clean(p.lines[aStart].text) == "") {
			aStart++
		}
	} else {
		t.Truncated = true
	}

	t.ResolutionDate = t.SessionDate
	if t.ResolutionDate == "" {
		t.ResolutionDate = latestDateMentioned(p.src[p.lines[min(qStart, len(p.lines)-1)].byte:])
	}
	if !unknown(questionBy) {
		sp := p.resolve(questionBy)
		t.QuestionBy = &sp
	}
	t.AskedOf = p.speakers(askedOf)
	t.AnsweredBy = p.speakers(answeredBy)

	// Turns.
	asker := Speaker{}
	if t.QuestionBy != nil {
		asker = *t.QuestionBy
		asker.Role = "" // the header names the asker, not a capacity
	}
	question := p.turns(qStart, qEnd, asker)
	if len(question) == 0 {
		// A header with no question text: an empty turn 0 keeps positions.
		at := p.lines[min(qStart, len(p.lines)-1)]
		question = []Turn{{Speaker: asker, Span: p.span(at.byte, at.byte), TextSpan: p.span(at.byte, at.byte), Line: at.num}}
	}
	t.Question = question[0].TextSpan
	t.Turns = append(t.Turns, question...)
	if aStart < len(p.lines) {
		answerer := Speaker{}
		if len(t.AnsweredBy) > 0 {
			answerer = t.AnsweredBy[0]
			answerer.Role = ""
			answerer.Printed = ""
		} else if len(t.AskedOf) > 0 {
			answerer = t.AskedOf[0]
			answerer.Role = ""
			answerer.Printed = ""
		}
		t.Turns = append(t.Turns, p.turns(aStart, len(p.lines), answerer)...)
	}
	for i := range t.Turns {
		t.Turns[i].Position = i
	}
	return nil
}

// turns splits lines [from, to) into speech turns at speaker labels. Text
// before the first label is spoken by unlabelled.
func (p *parser) turns(from, to int, unlabelled Speaker) []Turn {
	var out []Turn
	var cur *Turn
	textStart, textEnd := -1, -1 // byte offsets of the current turn's text
	flush := func() {
		if cur == nil {
			return
		}
		if textStart < 0 {
			textStart, textEnd = cur.Span.ByteBegin, cur.Span.ByteBegin
			if p.t.BOM {
				textStart, textEnd = textStart-3, textEnd-3
			}
		}
		begin := cur.Span.ByteBegin
		if p.t.BOM {
			begin -= 3
		}
		cur.Span = p.span(begin, textEnd)
		cur.TextSpan = p.span(textStart, textEnd)
		cur.Text = p.src[textStart:textEnd]
		cur.Insertions = p.insertions(textStart, textEnd)
		out = append(out, *cur)
		cur = nil
	}
	for i := from; i < to && i < len(p.lines); i++ {
		l := p.lines[i]
		if lab, n, ok := p.label(l.text); ok {
			flush()
			cur = &Turn{Label: lab.printed, Speaker: lab.speaker, Line: l.num}
			cur.Span = p.span(l.byte+leadingSpace(l.text), l.byte+leadingSpace(l.text))
			textStart, textEnd = -1, -1
			if rest := l.text[n:]; strings.TrimFunc(rest, isSpace) != "" {
				textStart = l.byte + n + leadingSpace(rest)
				textEnd = l.byte + len(strings.TrimRightFunc(l.text, isSpace))
			}
			continue
		}
		if strings.TrimFunc(l.text, isSpace) == "" {
			continue
		}
		if cur == nil {
			cur = &Turn{Speaker: unlabelled, Line: l.num}
			cur.Span = p.span(l.byte+leadingSpace(l.text), l.byte+leadingSpace(l.text))
			textStart, textEnd = -1, -1
		}
		if textStart < 0 {
			textStart = l.byte + leadingSpace(l.text)
		}
		textEnd = l.byte + len(strings.TrimRightFunc(l.text, isSpace))
	}
	flush()
	return out
}

func isSpace(r rune) bool { return unicode.IsSpace(r) || r == '\u00a0' }

func leadingSpace(s string) int { return len(s) - len(strings.TrimLeftFunc(s, isSpace)) }

var insertion = regexp.MustCompile(`\[[^\[\]\n]*\]`)

func (p *parser) insertions(b, e int) []Span {
	var out []Span
	for _, m := range insertion.FindAllStringIndex(p.src[b:e], -1) {
		out = append(out, p.span(b+m[0], b+m[1]))
	}
	return out
}

// Dates.

var dateLayouts = []string{
	"2006-01-02", "January 2, 2006", "January 2 2006", "2 January 2006", "Monday 2 January 2006",
	"Monday, 2 January 2006", "2 January, 2006", "Jan 2, 2006", "2 Jan 2006", "02/01/2006",
}

// parseDate reads a printed date into YYYY-MM-DD, or "" when it is unknown
// or unreadable.
func parseDate(s string) string {
	s = strings.Join(strings.Fields(strings.ReplaceAll(s, "\u00a0", " ")), " ")
	s = strings.TrimSuffix(s, ".")
	if unknown(s) {
		return ""
	}
	s = ordinalDay.ReplaceAllString(s, "$1 ") // 1st June 2010
	for _, layout := range dateLayouts {
		if d, err := time.Parse(layout, s); err == nil {
			return d.Format("2006-01-02")
		}
	}
	return ""
}

var ordinalDay = regexp.MustCompile(`(\d)(?:st|nd|rd|th) `)

var yearMention = regexp.MustCompile(`\b(19[89]\d|20\d\d)\b`)

// latestDateMentioned returns the last day of the latest year the text
// mentions (a session cannot precede the events it reports), or "".
func latestDateMentioned(text string) string {
	latest := ""
	for _, y := range yearMention.FindAllString(text, -1) {
		if y > latest {
			latest = y
		}
	}
	if latest == "" {
		return ""
	}
	return latest + "-12-31"
}
