package synth

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/assemblykg/assemblykg/seeds"
)

// Generator writes synthetic transcripts. It is safe for concurrent use.
type Generator struct {
	seed      uint64
	mayors    []person // people who held "Mayor of London"
	members   []person // Assembly Members (people with a group)
	officials []person // people with another office
	bodies    []body   // every body of the registry
	common    []body   // the bodies talked about most
	sessions  []string // session dates, yyyy-mm-dd, ascending
	chairs    map[int]*person
}

// New returns a generator for seed that draws people and bodies from the
// registries embedded in package seeds.
func New(seed uint64) (*Generator, error) {
	pf, err := seeds.FS.Open("people.csv")
	if err != nil {
		return nil, err
	}
	defer pf.Close()
	bf, err := seeds.FS.Open("bodies.csv")
	if err != nil {
		return nil, err
	}
	defer bf.Close()
	return NewFrom(seed, pf, bf)
}

// NewFrom returns a generator for seed that draws people and bodies from the
// given registers, in the CSV layout of seeds/people.csv and seeds/bodies.csv.
func NewFrom(seed uint64, people, bodies io.Reader) (*Generator, error) {
	ps, err := readPeople(people, "people.csv")
	if err != nil {
		return nil, err
	}
	bs, err := readBodies(bodies, "bodies.csv")
	if err != nil {
		return nil, err
	}
	g := &Generator{seed: seed, bodies: bs, chairs: map[int]*person{}}
	for _, p := range ps {
		switch {
		case p.holds(mayorOfLondon):
			g.mayors = append(g.mayors, p)
		case len(p.offices) > 0:
			g.officials = append(g.officials, p)
		case p.group != "":
			g.members = append(g.members, p)
		default:
			p.group = "Brexit Alliance Group"
			g.members = append(g.members, p)
		}
	}
	if len(g.mayors) == 0 || len(g.members) == 0 {
		return nil, errors.New("synth: the people register needs a Mayor of London and Assembly Members")
	}
	if len(bs) == 0 {
		return nil, errors.New("synth: the bodies registry is empty")
	}
	for _, b := range bs {
		if len(b.acronyms) > 0 && (b.kind == "gla-body" || b.kind == "police" || b.kind == "government-department") {
			g.common = append(g.common, b)
		}
	}
	if len(g.common) == 0 {
		g.common = bs
	}
	g.sessions = sessionDates(seed)
	r := rand.New(rand.NewPCG(seed, 0x63686169)) // "chai"
	// Chairs change every year or so; from 2016 the chair prints
	// post-nominals ("Jennette Arnold OBE AM (Chair):"), as in the archive.
	var decorated *person
	for k := range g.members {
		if len(g.members[k].postNominals) > 0 && (decorated == nil || g.members[k].id == "jennette-arnold") {
			decorated = &g.members[k]
		}
	}
	for y := firstYear; y <= lastYear; y++ {
		g.chairs[y] = &g.members[r.IntN(len(g.members))]
		if y >= 2016 && y <= 2020 && decorated != nil {
			g.chairs[y] = decorated
		}
	}
	return g, nil
}

const (
	mayorOfLondon = "Mayor of London"
	firstYear     = 2000
	lastYear      = 2021
)

func (p *person) holds(post string) bool {
	for _, o := range p.offices {
		if o.post == post {
			return true
		}
	}
	return false
}

// sessionDates returns about ten Mayor's Question Time dates a year, from
// June 2000 to December 2021: a Wednesday (sometimes a Thursday) in the
// middle of every month but August.
func sessionDates(seed uint64) []string {
	r := rand.New(rand.NewPCG(seed, 0x73657373)) // "sess"
	var out []string
	for y := firstYear; y <= lastYear; y++ {
		for m := time.January; m <= time.December; m++ {
			if m == time.August || (y == firstYear && m < time.June) {
				continue
			}
			d := time.Date(y, m, 8+r.IntN(14), 0, 0, 0, 0, time.UTC)
			want := time.Wednesday
			if r.IntN(10) < 3 {
				want = time.Thursday
			}
			for d.Weekday() != want {
				d = d.AddDate(0, 0, 1)
			}
			out = append(out, d.Format("2006-01-02"))
		}
	}
	return out
}

// rng returns the random source of file i: it depends only on the seed
// and i, so files can be written in any order by any number of workers.
func (g *Generator) rng(i int) *rand.Rand {
	return rand.New(rand.NewPCG(g.seed, splitmix(uint64(i)+0x9e3779b97f4a7c15)))
}

func splitmix(x uint64) uint64 {
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9
	x = (x ^ (x >> 27)) * 0x94d049bb133111eb
	return x ^ (x >> 31)
}

// Append appends transcript number i to buf and returns it with the file's
// path relative to the archive folder ("2017/004211.txt", slash-separated).
func (g *Generator) Append(buf []byte, i int) (name string, out []byte) {
	d := newDoc(g, g.rng(i), i, buf)
	d.transcript()
	return d.path(), d.finish()
}

// Transcript returns transcript number i and its relative path.
func (g *Generator) Transcript(i int) (name string, data []byte) {
	return g.Append(nil, i)
}

// Stats describes an archive written by WriteDir.
type Stats struct {
	Files   int
	Bytes   int64
	Elapsed time.Duration
}

// WriteDir writes transcripts 0 to n-1 into dir as dir/YYYY/NNNNNN.txt,
// with workers writing in parallel (GOMAXPROCS when workers < 1). Memory
// stays constant whatever n: each worker reuses one buffer.
func (g *Generator) WriteDir(ctx context.Context, dir string, n, workers int) (Stats, error) {
	start := time.Now()
	if workers < 1 {
		workers = runtime.GOMAXPROCS(0)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return Stats{}, err
	}
	var (
		next    atomic.Int64
		written atomic.Int64
		files   atomic.Int64
		made    sync.Map // year folder -> struct{}
		errOnce sync.Once
		first   error
		wg      sync.WaitGroup
	)
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	fail := func(err error) {
		errOnce.Do(func() { first = err; cancel() })
	}
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var buf []byte
			for {
				i := int(next.Add(1) - 1)
				if i >= n || ctx.Err() != nil {
					return
				}
				var name string
				name, buf = g.Append(buf[:0], i)
				path := filepath.Join(dir, filepath.FromSlash(name))
				sub := filepath.Dir(path)
				if _, ok := made.Load(sub); !ok {
					if err := os.MkdirAll(sub, 0o755); err != nil {
						fail(err)
						return
					}
					made.Store(sub, struct{}{})
				}
				if err := os.WriteFile(path, buf, 0o644); err != nil {
					fail(err)
					return
				}
				written.Add(int64(len(buf)))
				files.Add(1)
			}
		}()
	}
	wg.Wait()
	st := Stats{Files: int(files.Load()), Bytes: written.Load(), Elapsed: time.Since(start)}
	if first != nil {
		return st, first
	}
	if err := ctx.Err(); err != nil && st.Files < n {
		return st, err
	}
	return st, nil
}

// doc builds one transcript.
type doc struct {
	g *Generator
	r *rand.Rand
	i int
	b []byte

	date, year string
	mayor      *person
	chair      *person
	asker      *person
	title      string
	// Layout choices of this file.
	crlf, bom, nbspHead, nbspText, finalNewline bool
	sentenceGap                                 string // "  " or " "
	paraGap                                     string // "\n\n" or "\n\n\n"
	amStyle                                     int    // 0 "Name AM", 1 "Name (AM)"
	start                                       int    // len(b) when the file began
}

func newDoc(g *Generator, r *rand.Rand, i int, buf []byte) *doc {
	d := &doc{g: g, r: r, i: i, b: buf, start: len(buf)}
	d.date = g.sessions[r.IntN(len(g.sessions))]
	d.year = d.date[:4]
	y, _ := strconv.Atoi(d.year)
	d.chair = g.chairs[y]
	for k := range g.mayors {
		for _, o := range g.mayors[k].offices {
			if o.post == mayorOfLondon && o.covers(d.date) {
				d.mayor = &g.mayors[k]
			}
		}
	}
	if d.mayor == nil {
		d.mayor = &g.mayors[len(g.mayors)-1]
	}
	d.asker = &g.members[r.IntN(len(g.members))]
	d.crlf = r.IntN(100) < 8
	d.bom = r.IntN(100) < 1
	d.nbspHead = r.IntN(100) < 60
	d.nbspText = r.IntN(100) < 10
	d.finalNewline = r.IntN(2) == 0
	d.sentenceGap = " "
	if r.IntN(2) == 0 {
		d.sentenceGap = "  "
	}
	d.paraGap = "\n\n"
	if r.IntN(3) == 0 {
		d.paraGap = "\n\n\n"
	}
	d.amStyle = 0
	if r.IntN(5) == 0 {
		d.amStyle = 1
	}
	return d
}

func (d *doc) path() string {
	return d.year + "/" + fmt.Sprintf("%06d", d.i) + ".txt"
}

// finish applies the file-wide choices (final newline, CRLF, BOM).
func (d *doc) finish() []byte {
	d.b = d.b[:d.start+len(bytes.TrimRight(d.b[d.start:], "\n"))]
	if d.finalNewline {
		d.b = append(d.b, '\n')
	}
	out := d.b
	if !d.crlf && !d.bom {
		return out
	}
	text := append([]byte(nil), out[d.start:]...)
	out = out[:d.start]
	if d.bom {
		out = append(out, "\ufeff"...)
	}
	for _, c := range text {
		if c == '\n' && d.crlf {
			out = append(out, '\r')
		}
		out = append(out, c)
	}
	return out
}

func (d *doc) str(s ...string) {
	for _, x := range s {
		d.b = append(d.b, x...)
	}
}

func (d *doc) pick(xs []string) string { return xs[d.r.IntN(len(xs))] }

// marker writes a header marker such as "Session date:" with the space or
// no-break space the archive prints after it, and the line end.
func (d *doc) marker(m string) {
	d.str(m)
	if d.nbspHead {
		d.str("\u00a0\n")
	} else {
		d.str(" \n")
	}
}

func (d *doc) transcript() {
	supplementary := d.r.IntN(4) == 0
	topic := d.pick(topics)
	switch {
	case supplementary:
		d.title = topic + " (Supplementary) [" + strconv.Itoa(d.i+1) + "]"
	case d.r.IntN(3) == 0:
		d.title = topic + " in " + d.pick(places) + " (" + strconv.Itoa(d.i+1) + ")"
	default:
		d.title = topic + " (" + strconv.Itoa(d.i+1) + ")"
	}
	d.str(d.title, "\n\n")
	if supplementary || d.r.IntN(5) == 0 {
		d.str("Unknown\n")
	} else {
		d.str("MQT on ", d.date, "\n")
	}
	d.marker("Session date:")
	d.str(longDate(d.date), "\n")
	d.marker("Question By:")
	d.str(d.headerName(d.asker), "\n", d.asker.group, "\n")
	d.marker("Asked Of:")
	d.str("The Mayor\n\n\n")

	// The question.
	d.sentences(questionTemplates, 1+d.r.IntN(3), topic)
	d.str("\n\n\n")
	d.str("Answer for ", d.title, "\n\nAnswer for ", d.title, "\n\n")
	d.marker("Answered By:")
	var official *person
	if len(d.g.officials) > 0 && d.r.IntN(10) < 3 {
		official = &d.g.officials[d.r.IntN(len(d.g.officials))]
	}
	if official != nil && d.r.IntN(4) == 0 {
		d.str(d.headerName(official), "\n\n")
	} else {
		d.str("The Mayor\n\n")
	}

	switch k := d.r.IntN(20); {
	case k < 9: // a written answer: unlabelled paragraphs
		d.paragraphs(1+d.r.IntN(5), topic)
	case k < 17: // an oral exchange
		d.exchange(topic, official)
	default: // the written answer, then the exchange
		d.paragraphs(1+d.r.IntN(3), topic)
		d.str(d.paraGap)
		d.exchange(topic, official)
	}
}

func (d *doc) paragraphs(n int, topic string) {
	for p := range n {
		if p > 0 {
			d.str(d.paraGap)
		}
		d.sentences(answerTemplates, 1+d.r.IntN(5), topic)
	}
}

// exchange writes labelled turns between the asker, the Mayor and others.
func (d *doc) exchange(topic string, official *person) {
	var other *person
	if d.r.IntN(3) == 0 {
		other = &d.g.members[d.r.IntN(len(d.g.members))]
	}
	turns := 2 + d.r.IntN(22)
	for t := range turns {
		switch {
		case t%2 == 0 && official != nil && d.r.IntN(3) == 0:
			d.turn(d.officialLabel(official), answerTemplates, 1+d.r.IntN(4), topic)
		case t%2 == 0:
			d.turn(d.mayorLabel(), answerTemplates, 1+d.r.IntN(5), topic)
		case d.r.IntN(8) == 0:
			d.turn(d.chairLabel(), chairTemplates, 1, topic)
		case other != nil && d.r.IntN(3) == 0:
			d.turn(d.memberLabel(other), followUpTemplates, 1+d.r.IntN(3), topic)
		case d.r.IntN(25) == 0:
			g := guests[d.r.IntN(len(guests))]
			d.turn(g, answerTemplates, 1+d.r.IntN(3), topic)
		default:
			d.turn(d.memberLabel(d.asker), followUpTemplates, 1+d.r.IntN(3), topic)
		}
		if t < turns-1 {
			d.str(d.paraGap)
		}
	}
}

func (d *doc) turn(label string, templates []string, n int, topic string) {
	d.str(label, ":", d.sentenceGap)
	d.sentences(templates, n, topic)
	// Long turns run over several paragraphs.
	if n > 3 && d.r.IntN(3) == 0 {
		d.str(d.paraGap)
		d.sentences(templates, 1+d.r.IntN(3), topic)
	}
}

// Names and labels.

func (d *doc) headerName(p *person) string {
	s := p.name
	for _, pn := range p.postNominals {
		s += " " + pn
	}
	return s
}

func fullName(p *person) string {
	s := ""
	for _, t := range p.titles {
		s += t + " "
	}
	s += p.name
	for _, pn := range p.postNominals {
		s += " " + pn
	}
	return s
}

func (d *doc) mayorLabel() string {
	switch k := d.r.IntN(40); {
	case k == 0:
		return d.mayor.name + " ()"
	case k == 1:
		return d.mayor.name + " (Mayor of )"
	case k == 2:
		return "The Mayor"
	default:
		return d.mayor.name + " (Mayor of London)"
	}
}

func (d *doc) memberLabel(p *person) string {
	if p == d.chair {
		return d.chairLabel()
	}
	name := fullName(p)
	if d.amStyle == 1 {
		return name + " (AM)"
	}
	return name + " AM"
}

func (d *doc) chairLabel() string {
	if d.r.IntN(3) == 0 {
		return "The Chair"
	}
	return fullName(d.chair) + " AM (Chair)"
}

func (d *doc) officialLabel(p *person) string {
	post := p.offices[0].post
	return fullName(p) + " (" + post + ")"
}

// Sentences.

// sentences writes n sentences from templates, filling their slots.
func (d *doc) sentences(templates []string, n int, topic string) {
	for s := range n {
		if s > 0 {
			d.str(d.sentenceGap)
		}
		d.fill(d.pick(templates), topic)
		if d.r.IntN(30) == 0 {
			d.str(" ", d.pick(editorial))
		}
	}
}

// fill writes template t, replacing {SLOT}s.
func (d *doc) fill(t, topic string) {
	for t != "" {
		open := bytes.IndexByte([]byte(t), '{')
		if open < 0 {
			d.str(t)
			return
		}
		d.str(t[:open])
		end := open + bytes.IndexByte([]byte(t[open:]), '}')
		slot := t[open+1 : end]
		atStart := open == 0
		t = t[end+1:]
		mark := len(d.b)
		d.slot(slot, topic)
		if atStart && mark < len(d.b) && d.b[mark] >= 'a' && d.b[mark] <= 'z' {
			d.b[mark] -= 'a' - 'A'
		}
	}
}

func (d *doc) space() string {
	if d.nbspText {
		return "\u00a0"
	}
	return " "
}

func (d *doc) slot(slot, topic string) {
	r := d.r
	switch slot {
	case "B":
		d.bodyForm()
	case "T":
		d.str(lowerFirst(topic))
	case "PL":
		d.str(d.pick(places))
	case "N":
		d.b = appendThousands(d.b, 2+r.IntN(r.IntN(20000)+1))
	case "W":
		d.str(d.pick(wordNumbers))
	case "U":
		d.str(d.pick(units))
	case "P":
		d.b = strconv.AppendInt(d.b, int64(1+r.IntN(60)), 10)
		if r.IntN(3) == 0 {
			d.str(d.space(), "per cent")
		} else {
			d.str("%")
		}
	case "M":
		d.money()
	case "Y":
		y, _ := strconv.Atoi(d.year)
		d.b = strconv.AppendInt(d.b, int64(y-r.IntN(4)), 10)
	case "Y2":
		y, _ := strconv.Atoi(d.year)
		d.b = strconv.AppendInt(d.b, int64(y+1+r.IntN(4)), 10)
	case "MON":
		d.str(months[r.IntN(12)])
	case "PN":
		d.str(d.g.members[r.IntN(len(d.g.members))].name)
	case "POL":
		d.str(d.pick(politicians))
	default:
		d.str("{" + slot + "}")
	}
}

// bodyForm names a body the way speakers do: in full, in full with its
// acronym, by acronym or by alias. Common bodies come up more often.
func (d *doc) bodyForm() {
	var b *body
	if d.r.IntN(3) > 0 {
		b = &d.g.common[d.r.IntN(len(d.g.common))]
	} else {
		b = &d.g.bodies[d.r.IntN(len(d.g.bodies))]
	}
	switch k := d.r.IntN(10); {
	case k < 2 && len(b.acronyms) > 0:
		d.str("the ", b.name, " (", b.acronyms[0], ")")
	case k < 5 && len(b.acronyms) > 0:
		d.str(b.acronyms[d.r.IntN(len(b.acronyms))])
	case k < 7 && len(b.aliases) > 0:
		d.str(b.aliases[d.r.IntN(len(b.aliases))])
	default:
		d.str(b.name)
	}
}

func (d *doc) money() {
	r := d.r
	d.str("£")
	switch r.IntN(4) {
	case 0:
		d.b = appendThousands(d.b, 1000*(1+r.IntN(999)))
	case 1:
		d.b = strconv.AppendInt(d.b, int64(1+r.IntN(9)), 10)
		d.str(".", strconv.Itoa(r.IntN(10)), " billion")
	default:
		d.b = strconv.AppendInt(d.b, int64(1+r.IntN(500)), 10)
		if r.IntN(2) == 0 {
			d.str(".", strconv.Itoa(1+r.IntN(9)))
		}
		d.str(d.space(), "million")
	}
}

func appendThousands(b []byte, n int) []byte {
	s := strconv.Itoa(n)
	for i, c := range []byte(s) {
		if i > 0 && (len(s)-i)%3 == 0 {
			b = append(b, ',')
		}
		b = append(b, c)
	}
	return b
}

func lowerFirst(s string) string {
	if s != "" && s[0] >= 'A' && s[0] <= 'Z' && (len(s) < 2 || s[1] < 'A' || s[1] > 'Z') {
		return string(s[0]+'a'-'A') + s[1:]
	}
	return s
}

var months = []string{"January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December"}

// longDate prints 2017-10-12 as "October 12, 2017".
func longDate(iso string) string {
	m, _ := strconv.Atoi(iso[5:7])
	day, _ := strconv.Atoi(iso[8:10])
	return months[m-1] + " " + strconv.Itoa(day) + ", " + iso[:4]
}
