package transcript

// Transcript is one question item of Mayor's Question Time.
type Transcript struct {
	File  string `json:"file"`  // the path it was read from, as given
	Title string `json:"title"` // "" when printed as "Unknown"
	// SessionDate is the date of the session (YYYY-MM-DD) from "Session
	// date:", or from "MQT on" when that is missing; "" when unknown.
	SessionDate string `json:"sessionDate,omitempty"`
	// MQTDate is the date printed on the "MQT on" line, if any.
	MQTDate string `json:"mqtDate,omitempty"`
	// ResolutionDate is the date used to decide who held an office ("The
	// Mayor"): the session date, or when that is unknown the latest date
	// the text itself mentions, or "" (the current holder).
	ResolutionDate string `json:"resolutionDate,omitempty"`

	QuestionBy *Speaker  `json:"questionBy,omitempty"` // nil when printed as "Unknown"
	Group      string    `json:"group,omitempty"`      // the asker's group as printed
	AskedOf    []Speaker `json:"askedOf,omitempty"`
	AnsweredBy []Speaker `json:"answeredBy,omitempty"`

	// Question is the question text (turn 0 of Turns).
	Question Span `json:"question"`
	// Turns holds the question (position 0) and the answer's speech turns
	// in order.
	Turns []Turn `json:"turns"`

	// Text is the whole text the offsets count into (the file, decoded,
	// without a byte order mark).
	Text string `json:"-"`
	// Length is the number of code points in Text.
	Length int `json:"length"`
	// SourceURL is the address of the page the transcript was taken from,
	// when a sidecar file beside it gives one (see ReadSourceURL).
	SourceURL string `json:"sourceURL,omitempty"`
	// BOM reports whether the file started with a byte order mark, so that
	// byte offsets (which count it) differ from code-point offsets by one.
	BOM bool `json:"bom,omitempty"`
	// Truncated reports a text that stops before its answer section.
	Truncated bool `json:"truncated,omitempty"`
	// Warnings are what the reader noticed and worked around: a header
	// field that cannot be a name, a text that stops mid-turn. Each is a
	// *ParseError naming file, line and column.
	Warnings []*ParseError `json:"warnings,omitempty"`
}

// Speaker is a person or office as printed, with whom it resolves to.
type Speaker struct {
	Printed string `json:"printed"` // "Jennette Arnold OBE AM (Chair)", "The Mayor"
	// Name is the resolved person's name without titles and post-nominals
	// ("Jennette Arnold"); "" when no person is named ("The Chair").
	Name string `json:"name,omitempty"`
	// PersonID is the register id of the person, "" for people the
	// register does not know.
	PersonID     string   `json:"personId,omitempty"`
	Titles       []string `json:"titles,omitempty"`
	PostNominals []string `json:"postNominals,omitempty"`
	// Role is the capacity printed in brackets, completed where words were
	// dropped ("Mayor of " -> "Mayor of London"); "" when none.
	Role string `json:"role,omitempty"`
	// Office is set when the speaker was printed as an office ("The Mayor",
	// "The Chair") rather than by name.
	Office string `json:"office,omitempty"`
}

// Turn is one speech turn.
type Turn struct {
	Position int `json:"position"` // 0 for the question
	// Label is the speaker label as printed, without the colon; "" for an
	// unlabelled block (an answer printed without a speaker).
	Label   string  `json:"label,omitempty"`
	Speaker Speaker `json:"speaker"`
	Text    string  `json:"text"`
	// Span covers the label and the text; TextSpan the text alone.
	Span     Span `json:"span"`
	TextSpan Span `json:"textSpan"`
	// Insertions are the editorial [bracketed] insertions in the text,
	// as spans of the source.
	Insertions []Span `json:"insertions,omitempty"`
	// Line is the line of the file where the turn starts (1-based).
	Line int `json:"line"`
}

// Span is a range of the source text: Begin inclusive, End exclusive, in
// code points, with the same range in bytes of the file.
type Span struct {
	Begin     int `json:"begin"`
	End       int `json:"end"`
	ByteBegin int `json:"byteBegin"`
	ByteEnd   int `json:"byteEnd"`
}
