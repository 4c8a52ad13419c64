package bodies

import (
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"

	"github.com/assemblykg/assemblykg/internal/csvrow"
)

// Link pairs a body, by name or IRI as the file gives it, with an external
// IRI it is the same as. File and Line are where it came from.
type Link struct {
	Subject string
	SameAs  string
	File    string
	Line    int
}

var (
	subjectHeaders = set("name", "label", "iri", "id", "subject", "body", "organisation", "organization", "entity", "uri")
	sameAsHeaders  = set("sameas", "owlsameas", "schemasameas", "wikidata", "wikidataid", "wikidatairi", "qid", "url", "match", "reconciled", "reconciledid", "reconciledmatch", "external", "externaliri", "target")
	qid            = regexp.MustCompile(`^(?:wd:)?(Q[1-9][0-9]*)$`)
	wikidataPage   = regexp.MustCompile(`^https?://(?:www\.|m\.)?wikidata\.org/(?:wiki|entity)/(Q[1-9][0-9]*)$`)
)

// ReadLinks parses a reconciliation CSV, in the shape OpenRefine exports: a
// header row, one column holding a body's name or IRI (headed name, label,
// iri, id, subject, ...) and one holding the external IRI (headed sameAs,
// same_as, wikidata, url, match, reconciled, ...). A bare Wikidata QID
// ("Q1139213") or a Wikidata page address becomes the entity IRI
// http://www.wikidata.org/entity/Q1139213. Rows whose external column is
// empty (not reconciled) are skipped. A malformed row gives a *ParseError
// naming file and line.
func ReadLinks(r io.Reader, file string) ([]Link, error) {
	rows, err := csvrow.NewReader(r, file, ErrBadLink)
	if err != nil {
		return nil, err
	}
	subj, same := "", ""
	for _, h := range rows.Header() {
		k := csvrow.Key(h)
		if subj == "" && subjectHeaders[k] {
			subj = h
		} else if same == "" && sameAsHeaders[k] {
			same = h
		}
	}
	if subj == "" || same == "" {
		return nil, &ParseError{File: file, Line: 1, Err: fmt.Errorf("%w: header %q needs a name column (name, label, iri, id, subject) and an external IRI column (sameAs, wikidata, url, match, reconciled)", ErrBadLink, strings.Join(rows.Header(), ","))}
	}
	var links []Link
	for {
		row, err := rows.Next()
		if errors.Is(err, io.EOF) {
			return links, nil
		}
		if err != nil {
			return nil, err
		}
		s, o := csvrow.Clean(row.Get(subj)), row.Get(same)
		if o == "" {
			continue
		}
		if s == "" {
			return nil, row.Errorf(subj, "external IRI %q without a body", o)
		}
		iri, err := externalIRI(o)
		if err != nil {
			return nil, row.Errorf(same, "%v", err)
		}
		links = append(links, Link{Subject: s, SameAs: iri, File: file, Line: row.Line})
	}
}

func externalIRI(s string) (string, error) {
	if m := qid.FindStringSubmatch(s); m != nil {
		return "http://www.wikidata.org/entity/" + m[1], nil
	}
	if m := wikidataPage.FindStringSubmatch(s); m != nil {
		return "http://www.wikidata.org/entity/" + m[1], nil
	}
	if (strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://")) && len(s) > len("https://x") &&
		!strings.ContainsAny(s, " <>\"{}|\\^`") {
		return s, nil
	}
	return "", fmt.Errorf("%q is neither an http(s) IRI nor a Wikidata QID", s)
}
