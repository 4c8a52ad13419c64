package ontology

import "github.com/cayleygraph/quad"

// Namespaces of the vocabularies assemblykg writes, by prefix. Turtle output,
// the JSON-LD context and the SPARQL queries use these prefixes.
const (
	AKG     = "https://w3id.org/assemblykg/ns#"
	RDF     = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
	RDFS    = "http://www.w3.org/2000/01/rdf-schema#"
	OWL     = "http://www.w3.org/2002/07/owl#"
	XSD     = "http://www.w3.org/2001/XMLSchema#"
	Schema  = "http://schema.org/"
	FOAF    = "http://xmlns.com/foaf/0.1/"
	ORG     = "http://www.w3.org/ns/org#"
	OpenGov = "http://www.w3.org/ns/opengov#"
	DCT     = "http://purl.org/dc/terms/"
	PROV    = "http://www.w3.org/ns/prov#"
	SKOS    = "http://www.w3.org/2004/02/skos/core#"
	NIF     = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"
	ITSRDF  = "http://www.w3.org/2005/11/its/rdf#"
	ODRS    = "http://schema.theodi.org/odrs#"
	TIME    = "http://www.w3.org/2006/time#"
	VOID    = "http://rdfs.org/ns/void#"
	DCAT    = "http://www.w3.org/ns/dcat#"
)

// DefaultBase is the IRI under which data resources are minted unless the
// user gives another with --base.
const DefaultBase = "https://w3id.org/assemblykg/id/"

// GraphPath is where, under the base, the named graph of each transcript
// is minted; the graph is a prov:Entity, so a file of triples names the
// graph it describes.
const GraphPath = "graph/"

// RegisterGraph is where, under the base, the register graph is minted: the
// one named graph that describes the people, bodies, posts, memberships,
// sessions and the software the transcripts' graphs refer to.
const RegisterGraph = GraphPath + "register"

// Prefix pairs a prefix with its namespace.
type Prefix struct{ Prefix, Namespace string }

// Prefixes lists the prefixes in the order writers declare them.
var Prefixes = []Prefix{
	{"akg", AKG}, {"dcat", DCAT}, {"dct", DCT}, {"foaf", FOAF}, {"itsrdf", ITSRDF}, {"nif", NIF},
	{"odrs", ODRS}, {"opengov", OpenGov}, {"org", ORG}, {"owl", OWL}, {"prov", PROV},
	{"rdf", RDF}, {"rdfs", RDFS}, {"schema", Schema}, {"skos", SKOS}, {"time", TIME}, {"void", VOID}, {"xsd", XSD},
}

// Terms used by the mapping, the store's named queries and the tests.
const (
	RDFType = quad.IRI(RDF + "type")

	XSDString             = quad.IRI(XSD + "string")
	XSDInteger            = quad.IRI(XSD + "integer")
	XSDDecimal            = quad.IRI(XSD + "decimal")
	XSDDouble             = quad.IRI(XSD + "double")
	XSDBoolean            = quad.IRI(XSD + "boolean")
	XSDDate               = quad.IRI(XSD + "date")
	XSDNonNegativeInteger = quad.IRI(XSD + "nonNegativeInteger")
	XSDGYearMonth         = quad.IRI(XSD + "gYearMonth")
	XSDGYear              = quad.IRI(XSD + "gYear")

	// Classes.
	FOAFPerson              = quad.IRI(FOAF + "Person")
	SchemaPerson            = quad.IRI(Schema + "Person")
	OrgOrganization         = quad.IRI(ORG + "Organization")
	OrgPost                 = quad.IRI(ORG + "Post")
	OrgRole                 = quad.IRI(ORG + "Role")
	OrgMembership           = quad.IRI(ORG + "Membership")
	SchemaEvent             = quad.IRI(Schema + "Event")
	SchemaQuestion          = quad.IRI(Schema + "Question")
	SchemaURL               = quad.IRI(Schema + "url")
	OpenGovSpeech           = quad.IRI(OpenGov + "Speech")
	NIFContext              = quad.IRI(NIF + "Context")
	NIFString               = quad.IRI(NIF + "String")
	NIFPhrase               = quad.IRI(NIF + "Phrase")
	SchemaClaim             = quad.IRI(Schema + "Claim")
	SchemaLegislation       = quad.IRI(Schema + "Legislation")
	SchemaQuantitativeValue = quad.IRI(Schema + "QuantitativeValue")
	ProvEntity              = quad.IRI(PROV + "Entity")
	ProvActivity            = quad.IRI(PROV + "Activity")
	ProvSoftwareAgent       = quad.IRI(PROV + "SoftwareAgent")
	SKOSConcept             = quad.IRI(SKOS + "Concept")

	// Our classes.
	Mention            = quad.IRI(AKG + "Mention")
	LegislationMention = quad.IRI(AKG + "LegislationMention")
	Statement          = quad.IRI(AKG + "Statement")
	NumericClaim       = quad.IRI(AKG + "NumericClaim")
	FigureInQuestion   = quad.IRI(AKG + "FigureInQuestion")
	Commitment         = quad.IRI(AKG + "Commitment")
	Agreement          = quad.IRI(AKG + "Agreement")
	Refusal            = quad.IRI(AKG + "Refusal")
	SourceText         = quad.IRI(AKG + "SourceText")

	// Names and labels.
	FOAFName             = quad.IRI(FOAF + "name")
	HonorificPrefix      = quad.IRI(Schema + "honorificPrefix")
	HonorificSuffix      = quad.IRI(Schema + "honorificSuffix")
	SKOSPrefLabel        = quad.IRI(SKOS + "prefLabel")
	SKOSAltLabel         = quad.IRI(SKOS + "altLabel")
	SKOSNotation         = quad.IRI(SKOS + "notation")
	SchemaName           = quad.IRI(Schema + "name")
	SchemaSameAs         = quad.IRI(Schema + "sameAs")
	SchemaAreaServed     = quad.IRI(Schema + "areaServed")
	OrgClassification    = quad.IRI(ORG + "classification")
	OrgSubOrganizationOf = quad.IRI(ORG + "subOrganizationOf")

	// Posts, roles and memberships.
	OrgMember         = quad.IRI(ORG + "member")
	OrgOrganizationP  = quad.IRI(ORG + "organization")
	OrgRoleP          = quad.IRI(ORG + "role")
	OrgPostIn         = quad.IRI(ORG + "postIn")
	OpenGovPost       = quad.IRI(OpenGov + "post")
	OpenGovOnBehalfOf = quad.IRI(OpenGov + "onBehalfOf")
	SchemaValidFrom   = quad.IRI(Schema + "validFrom")
	SchemaValidUntil  = quad.IRI(Schema + "validUntil")
	OrgMemberDuring   = quad.IRI(ORG + "memberDuring")

	// Time (OWL-Time): membership periods and their ends.
	TimeInterval        = quad.IRI(TIME + "Interval")
	TimeInstant         = quad.IRI(TIME + "Instant")
	TimeHasBeginning    = quad.IRI(TIME + "hasBeginning")
	TimeHasEnd          = quad.IRI(TIME + "hasEnd")
	TimeInXSDDate       = quad.IRI(TIME + "inXSDDate")
	TimeInXSDgYearMonth = quad.IRI(TIME + "inXSDgYearMonth")
	TimeInXSDgYear      = quad.IRI(TIME + "inXSDgYear")

	// People not in the register.
	IdentifiedIn = quad.IRI(AKG + "identifiedIn")

	// Sessions, questions and speech turns.
	SchemaStartDate = quad.IRI(Schema + "startDate")
	SchemaOrganizer = quad.IRI(Schema + "organizer")
	DCTTitle        = quad.IRI(DCT + "title")
	DCTDate         = quad.IRI(DCT + "date")
	DCTIsPartOf     = quad.IRI(DCT + "isPartOf")
	DCTSource       = quad.IRI(DCT + "source")
	SchemaAuthor    = quad.IRI(Schema + "author")
	AskedOf         = quad.IRI(AKG + "askedOf")
	AnsweredBy      = quad.IRI(AKG + "answeredBy")
	NotStated       = quad.IRI(AKG + "notStated")
	SchemaCreator   = quad.IRI(Schema + "creator")
	OpenGovRole     = quad.IRI(OpenGov + "role")
	AttributionText = quad.IRI(ODRS + "attributionText")
	SchemaText      = quad.IRI(Schema + "text")
	SchemaPosition  = quad.IRI(Schema + "position")
	SchemaMentions  = quad.IRI(Schema + "mentions")

	// Legislation.
	SchemaLegislationIdentifier = quad.IRI(Schema + "legislationIdentifier")
	SchemaLegislationDate       = quad.IRI(Schema + "legislationDate")

	// Text positions (NIF 2.1, RFC 5147 code-point offsets).
	NIFIsString         = quad.IRI(NIF + "isString")
	NIFReferenceContext = quad.IRI(NIF + "referenceContext")
	NIFBeginIndex       = quad.IRI(NIF + "beginIndex")
	NIFEndIndex         = quad.IRI(NIF + "endIndex")
	NIFAnchorOf         = quad.IRI(NIF + "anchorOf")
	ITSTaIdentRef       = quad.IRI(ITSRDF + "taIdentRef")
	InTurn              = quad.IRI(AKG + "inTurn")
	FoundByForm         = quad.IRI(AKG + "foundByForm")

	// Claims.
	SchemaAppearance       = quad.IRI(Schema + "appearance")
	SchemaAbout            = quad.IRI(Schema + "about")
	SchemaTemporalCoverage = quad.IRI(Schema + "temporalCoverage")
	SchemaValue            = quad.IRI(Schema + "value")
	SchemaUnitText         = quad.IRI(Schema + "unitText")
	SchemaUnitCode         = quad.IRI(Schema + "unitCode")
	Quantity               = quad.IRI(AKG + "quantity")
	Approximate            = quad.IRI(AKG + "approximate")
	Period                 = quad.IRI(AKG + "period")
	SchemaMonetaryAmount   = quad.IRI(Schema + "MonetaryAmount")
	SchemaCurrency         = quad.IRI(Schema + "currency")
	SchemaMinValue         = quad.IRI(Schema + "minValue")
	SchemaMaxValue         = quad.IRI(Schema + "maxValue")
	DCTRelation            = quad.IRI(DCT + "relation")

	// Provenance.
	ProvWasDerivedFrom    = quad.IRI(PROV + "wasDerivedFrom")
	ProvWasGeneratedBy    = quad.IRI(PROV + "wasGeneratedBy")
	ProvWasAssociatedWith = quad.IRI(PROV + "wasAssociatedWith")
	ProvWasAttributedTo   = quad.IRI(PROV + "wasAttributedTo")
	SchemaSoftwareVersion = quad.IRI(Schema + "softwareVersion")
	ProvUsed              = quad.IRI(PROV + "used")

	// The dataset description (VoID, DCAT).
	VoidDataset          = quad.IRI(VOID + "Dataset")
	VoidTriples          = quad.IRI(VOID + "triples")
	VoidDistinctSubjects = quad.IRI(VOID + "distinctSubjects")
	VoidProperties       = quad.IRI(VOID + "properties")
	VoidClassPartition   = quad.IRI(VOID + "classPartition")
	VoidClass            = quad.IRI(VOID + "class")
	VoidEntities         = quad.IRI(VOID + "entities")
	VoidVocabulary       = quad.IRI(VOID + "vocabulary")
	VoidExampleResource  = quad.IRI(VOID + "exampleResource")
	VoidDataDump         = quad.IRI(VOID + "dataDump")
	DCATDataset          = quad.IRI(DCAT + "Dataset")
	DCATDistribution     = quad.IRI(DCAT + "Distribution")
	DCATDistributionP    = quad.IRI(DCAT + "distribution")
	DCATMediaType        = quad.IRI(DCAT + "mediaType")
	DCATDownloadURL      = quad.IRI(DCAT + "downloadURL")
	DCATStartDate        = quad.IRI(DCAT + "startDate")
	DCATEndDate          = quad.IRI(DCAT + "endDate")
	DCTPeriodOfTime      = quad.IRI(DCT + "PeriodOfTime")
	DCTTemporal          = quad.IRI(DCT + "temporal")
	DCTLicense           = quad.IRI(DCT + "license")
	DCTPublisher         = quad.IRI(DCT + "publisher")
	DCTDescription       = quad.IRI(DCT + "description")
	DCTModified          = quad.IRI(DCT + "modified")
	DCTFormat            = quad.IRI(DCT + "format")
	FOAFAgent            = quad.IRI(FOAF + "Agent")
	OGL3                 = quad.IRI("http://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/")
	SchemaSHA256         = quad.IRI(Schema + "sha256")
	SchemaDescription    = quad.IRI(Schema + "description")
	DCTIdentifier        = quad.IRI(DCT + "identifier")
)
