package transcript

import (
	"bytes"
	"fmt"
	"io"
	"io/fs"
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
	// MaxFileBytes and MaxTurnBytes bound the size of a file and of one
	// speech turn, MaxTurns the number of turns in a file; 0 means
	// DefaultMaxFileBytes, DefaultMaxTurnBytes and DefaultMaxTurns.
	// Larger input is an ErrTooLarge *ParseError at the place where it
	// passes the limit.
	MaxFileBytes, MaxTurnBytes, MaxTurns int
}

// Limits on input size when the Reader sets none. The longest published
// transcripts run to a few hundred kilobytes, a few hundred turns, and
// their longest turns to some tens of kilobytes. Every turn becomes tens
// of quads, held in memory until its transcript's graph is written, so
// the limit on turns bounds what one file can cost.
const (
	DefaultMaxFileBytes = 32 << 20
	DefaultMaxTurnBytes = 2 << 20
	DefaultMaxTurns     = 20000
)

func (rd *Reader) maxFile() int {
	if rd.MaxFileBytes > 0 {
		return rd.MaxFileBytes
	}
	return DefaultMaxFileBytes
}

func (rd *Reader) maxTurns() int {
	if rd.MaxTurns > 0 {
		return rd.MaxTurns
	}
	return DefaultMaxTurns
}

func (rd *Reader) maxTurn() int {
	if rd.MaxTurnBytes > 0 {
		return rd.MaxTurnBytes
	}
	return DefaultMaxTurnBytes
}

// NewReader returns a Reader that resolves people against reg.
func NewReader(reg *people.Register) *Reader { return &Reader{People: reg} }

// ReadFile reads the transcript at path.
func (rd *Reader) ReadFile(path string) (*Transcript, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return rd.Read(path, f)
}

// Read reads a whole transcript from r; file names it in errors. It reads
// no more than one byte past the file size limit.
func (rd *Reader) Read(file string, r io.Reader) (*Transcript, error) {
	data, err := readAll(r, int64(rd.maxFile())+1)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	return rd.Parse(file, data)
}

// readAll reads r to its end, or to limit bytes, as
// io.ReadAll(io.LimitReader(r, limit)) does, into a buffer of the file's
// size when r is a file.
func readAll(r io.Reader, limit int64) ([]byte, error) {
	var buf bytes.Buffer
	if f, ok := r.(interface{ Stat() (fs.FileInfo, error) }); ok {
		if fi, err := f.Stat(); err == nil && fi.Mode().IsRegular() {
			// ReadFrom reads on while MinRead bytes are free.
			buf.Grow(int(min(fi.Size(), limit)) + bytes.MinRead)
		}
	}
	_, err := buf.ReadFrom(io.LimitReader(r, limit))
	return buf.Bytes(), err
}

// Parse reads a transcript held in data; file names it in errors.
func (rd *Reader) Parse(file string, data []byte) (*Transcript, error) {
	t := &Transcript{File: file}
	if bytes.HasPrefix(data, []byte("\xef\xbb\xbf")) {
		t.BOM = true
		data = data[3:]
	}
	if max := rd.maxFile(); len(data) > max {
		line, col := position(data, max)
		return nil, &ParseError{File: file, Line: line, Col: col, Err: fmt.Errorf("%w: the file passes the limit of %d bytes here", ErrTooLarge, max)}
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
	if p.err != nil {
		return nil, p.err
	}
	p.checkEnd()
	return t, nil
}

// position returns the 1-based line and code-point column of byte offset
// off of data.
func position(data []byte, off int) (line, col int) {
	start := bytes.LastIndexByte(data[:off], '\n') + 1
	return bytes.Count(data[:off], []byte("\n")) + 1, utf8.RuneCount(data[start:off]) + 1
}

// checkText rejects input that is not UTF-8 text, with its position.
func checkText(file string, data []byte) error {
	if len(bytes.TrimSpace(bytes.ReplaceAll(data, []byte("\u00a0"), nil))) == 0 {
		return &ParseError{File: file, Line: 1, Col: 1, Err: ErrEmpty}
	}
	if bytes.HasPrefix(data, []byte{0xff, 0xfe}) || bytes.HasPrefix(data, []byte{0xfe, 0xff}) {
		return &ParseError{File: file, Line: 1, Col: 1, Err: fmt.Errorf("%w: UTF-16 byte order mark", ErrNotUTF8)}
	}
	line, col := 1, 1
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		switch {
		case r == utf8.RuneError && size <= 1:
			return &ParseError{File: file, Line: line, Col: col, Err: fmt.Errorf("%w: invalid byte 0x%02x", ErrNotUTF8, data[i])}
		case r == 0 || (r < 0x20 && r != '\n' && r != '\r' && r != '\t' && r != '\f' && r != '\v'):
			return &ParseError{File: file, Line: line, Col: col, Err: fmt.Errorf("%w: control character U+%04X", ErrBinary, r)}
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
	// err is the first turn over the size limit.
	err error
}

// checkEnd warns of a text that stops before its answer, or in the middle
// of a sentence of its last turn: a transcript cut off in copying.
func (p *parser) checkEnd() {
	t := p.t
	last := t.Turns[len(t.Turns)-1]
	end := last.TextSpan.ByteEnd
	if t.BOM {
		end -= 3
	}
	line, col := position([]byte(p.src), end)
	switch {
	case t.Truncated:
		p.warnf(line, col, "the text stops before its answer section; it may be cut off")
	case last.Position > 0 && last.Text != "" && !endsSentence(last.Text):
		p.warnf(line, col, "the last turn stops mid-sentence; the text may be cut off")
	}
}

// endsSentence reports whether text ends with a sentence's closing mark,
// before any closing quotes and brackets.
func endsSentence(text string) bool {
	text = strings.TrimRightFunc(text, func(r rune) bool {
		return isSpace(r) || strings.ContainsRune("\"'’”)]»", r)
	})
	r, _ := utf8.DecodeLastRuneInString(text)
	return strings.ContainsRune(".?!…:;", r)
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

// Header fields, each with the names it is printed under.
var (
	markSession  = []string{"session date:", "meeting date:", "date of session:", "date of meeting:"}
	markQuestion = []string{"question by:", "questioner:", "question from:", "asked by:", "submitted by:"}
	markAsked    = []string{"asked of:", "asked to:", "question to:", "addressed to:", "directed to:"}
	markAnswered = []string{"answered by:", "answer by:", "answer from:", "reply by:", "replied by:", "response by:", "responded by:"}
	markAnswer   = []string{"answer for"}
	markMQT      = []string{"mqt on"}
)

func clean(s string) string {
	return strings.TrimSpace(strings.ReplaceAll(s, "\u00a0", " "))
}

// hasMark returns the length of the field name that line l opens with, or
// 0.
func hasMark(l line, mark []string) int {
	text := clean(l.text)
	for _, m := range mark {
		if hasLowerPrefix(text, m) {
			return len(m)
		}
	}
	return 0
}

// hasLowerPrefix reports whether strings.ToLower(s) begins with prefix, a
// lower-case ASCII string, without lower-casing the whole of s (a line may
// be a long paragraph).
func hasLowerPrefix(s, prefix string) bool {
	for i := 0; i < len(prefix); i++ {
		if i == len(s) {
			return false
		}
		c := s[i]
		if c >= utf8.RuneSelf {
			// a letter outside ASCII may lower-case to an ASCII one ("K",
			// the Kelvin sign, is "k")
			return strings.HasPrefix(strings.ToLower(s), prefix)
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != prefix[i] {
			return false
		}
	}
	return true
}

func isMarker(l line) bool {
	for _, m := range [][]string{markSession, markQuestion, markAsked, markAnswered, markAnswer} {
		if hasMark(l, m) > 0 {
			return true
		}
	}
	return false
}

func unknown(s string) bool { return s == "" || strings.EqualFold(s, "unknown") }

// find returns the index of the first line at or after from with mark, or -1.
func (p *parser) find(from int, mark []string) int {
	for i := from; i < len(p.lines); i++ {
		if hasMark(p.lines[i], mark) > 0 {
			return i
		}
	}
	return -1
}

// value returns the value of the field on line i: the rest of that line, or
// the next non-empty line that is not itself a field; and the line it is on.
func (p *parser) value(i int, mark []string) (string, int) {
	rest := clean(clean(p.lines[i].text)[hasMark(p.lines[i], mark):])
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

// nameValue is value for a field that names people or offices. A value
// that cannot be one (a sentence, a speaker's turn) is left where it is,
// the field read as unknown, and a warning given.
func (p *parser) nameValue(i int, mark []string) (string, int) {
	v, at := p.value(i, mark)
	if unknown(v) && v != "" {
		return v, at
	}
	if v == "" {
		// nothing to check
	} else if _, _, isLabel := p.label(p.lines[at].text); isLabel && at != i {
		v, at = "", i // the field is empty and the turns begin
	} else if !looksLikeNames(v) {
		p.warnf(p.lines[at].num, 1, "%q value %q is not a name; read as unknown", strings.TrimSuffix(mark[0], ":"), shorten(v))
		return "", i
	}
	if v == "" {
		p.warnf(p.lines[i].num, 1, "%q is empty; read as unknown", strings.TrimSuffix(mark[0], ":"))
	}
	return v, at
}

// looksLikeNames reports whether s can be a header value naming people or
// offices ("Jennette Arnold OBE", "The Mayor", "Boris Johnson (Chair,TfL)",
// "Deputy Mayor for Transport and the Mayor"): capitalised words, small
// connecting words, no sentence punctuation, a few words.
func looksLikeNames(s string) bool {
	if len(s) > 160 || strings.ContainsAny(s, "?!;:“”\"") {
		return false
	}
	outside := bracketed.ReplaceAllString(s, " ")
	words := strings.FieldsFunc(outside, func(r rune) bool { return unicode.IsSpace(r) || r == ',' || r == '&' })
	if len(words) == 0 || len(words) > 12 {
		return false
	}
	if r, _ := utf8.DecodeRuneInString(words[0]); !unicode.IsUpper(r) {
		return false
	}
	for i, w := range words {
		if strings.HasSuffix(w, ".") && i == len(words)-1 && len(w) > 4 {
			return false // a full stop ends a sentence, not "Dr." or "St."
		}
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) && !headerSmallWords[strings.ToLower(w)] {
			return false
		}
	}
	return true
}

var bracketed = regexp.MustCompile(`\([^()]*\)|\[[^\[\]]*\]`)

// Small words that may sit in a header value between names and offices.
var headerSmallWords = map[string]bool{"and": true, "of": true, "for": true, "the": true, "de": true,
	"van": true, "von": true, "der": true, "la": true, "le": true, "du": true, "da": true,
	"di": true, "bin": true, "al": true, "to": true, "on": true, "behalf": true}

// looksLikeGroup reports whether s can be the asker's group ("Labour
// Group", "GLA Conservatives", "City Hall Greens").
func looksLikeGroup(s string) bool {
	return looksLikeNames(s) && len(strings.Fields(s)) <= 6 && !strings.Contains(s, "(")
}

func shorten(s string) string {
	if utf8.RuneCountInString(s) <= 60 {
		return s
	}
	return string([]rune(s)[:57]) + "..."
}

// warnf records a warning at a position of the file.
func (p *parser) warnf(line, col int, format string, args ...any) {
	p.t.Warnings = append(p.t.Warnings, &ParseError{File: p.t.File, Line: line, Col: col, Err: fmt.Errorf(format, args...)})
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
		return &ParseError{File: t.File, Line: p.lines[first].num, Col: 1, Err: ErrNoHeader}
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
		if s == "" || hasMark(p.lines[i], markMQT) > 0 {
			continue
		}
		if t.Title == "" && !unknown(s) {
			t.Title = s
		}
		break
	}
	if i := p.find(0, markMQT); i >= 0 && i < headerStart {
		t.MQTDate = parseDate(clean(p.lines[i].text)[hasMark(p.lines[i], markMQT):])
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
		questionBy, at = p.nameValue(iQuestion, markQuestion)
		qStart = max(qStart, at+1)
		// The group is the next non-empty line before Asked Of, if any.
		for j := at + 1; j < len(p.lines) && (iAsked < 0 || j < iAsked); j++ {
			if s := clean(p.lines[j].text); s != "" {
				if _, _, isLabel := p.label(p.lines[j].text); !isMarker(p.lines[j]) && !isLabel && looksLikeGroup(s) {
					group = s
					qStart = max(qStart, j+1)
				}
				break
			}
		}
	}
	if iAsked >= 0 {
		var at int
		askedOf, at = p.nameValue(iAsked, markAsked)
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
		answeredBy, at = p.nameValue(i, markAnswered)
		aStart = at + 1
	} else if qEnd < len(p.lines) {
		// "Answer for" lines but no "Answered By:": the answer follows them.
		aStart = qEnd
		for aStart < len(p.lines) && (hasMark(p.lines[aStart], markAnswer) > 0 || clean(p.lines[aStart].text) == "") {
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
		} else {
			// Neither field names anyone: questions at Mayor's Question
			// Time are put to the Mayor.
			answerer = p.resolve("The Mayor")
			answerer.Role = ""
			answerer.Printed = ""
		}
		t.Turns = append(t.Turns, p.turns(aStart, len(p.lines), answerer)...)
	}
	if max := p.rd.maxTurns(); len(t.Turns) > max && p.err == nil {
		at := t.Turns[max].Span.ByteBegin
		if p.t.BOM {
			at -= 3
		}
		line, col := position([]byte(p.src), at)
		p.err = &ParseError{File: p.t.File, Line: line, Col: col, Err: fmt.Errorf("%w: the file passes the limit of %d speech turns here", ErrTooLarge, max)}
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
		if max := p.rd.maxTurn(); textEnd-textStart > max && p.err == nil {
			line, col := position([]byte(p.src), textStart+max)
			p.err = &ParseError{File: p.t.File, Line: line, Col: col, Err: fmt.Errorf("%w: the turn from line %d passes the limit of %d bytes here", ErrTooLarge, cur.Line, max)}
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
