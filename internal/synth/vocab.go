package synth

// Words the transcripts are made of. Slots in templates: {B} a body, {T}
// the item's topic, {PL} a borough, {N} a count, {W} a number in words, {U}
// a unit, {P} a percentage, {M} an amount of money, {Y} a recent year, {Y2}
// a coming year, {MON} a month, {PN} an Assembly Member, {POL} a national
// politician with an editorial [role].

var topics = []string{
	"Modern Day Slavery", "Knife crime", "Air quality", "Fire station closures",
	"Affordable housing", "The Night Tube", "Bus safety", "Cycle superhighways",
	"The Garden Bridge", "Crossrail delays", "Police numbers", "Stop and search",
	"Youth services", "Rough sleeping", "The fares freeze", "The Ultra Low Emission Zone",
	"Heathrow expansion", "The Olympic legacy", "Fire safety in tower blocks",
	"The Congestion Charge", "Tackling gang crime", "Compliance with air pollution laws",
	"Housing Zones", "Step-free access", "Neighbourhood policing", "Water cannon",
	"Domestic violence", "Hate crime", "Cuts to police stations", "Estate regeneration",
	"Private renting", "London Living Wage", "Skills and apprenticeships", "Noise from flights",
	"Tube strikes", "Night time economy", "Violence against women and girls", "Policing budget",
	"Dockless bikes", "The Silvertown Tunnel", "Overcrowding on the Central line",
	"Brexit and EU Londoners", "Counter-terrorism", "Flood risk", "Green spaces",
}

var places = []string{
	"Barking and Dagenham", "Barnet", "Bexley", "Brent", "Bromley", "Camden", "Croydon",
	"Ealing", "Enfield", "Greenwich", "Hackney", "Hammersmith and Fulham", "Haringey",
	"Harrow", "Havering", "Hillingdon", "Hounslow", "Islington", "Kensington and Chelsea",
	"Kingston upon Thames", "Lambeth", "Lewisham", "Merton", "Newham", "Redbridge",
	"Richmond upon Thames", "Southwark", "Sutton", "Tower Hamlets", "Waltham Forest",
	"Wandsworth", "Westminster", "the City of London", "outer London", "inner London",
}

var units = []string{
	"arrests", "officers", "homes", "buses", "stations", "prosecutions", "convictions",
	"victims", "firefighters", "PCSOs", "apprenticeships", "journeys", "fines", "schools",
	"beds", "cameras", "offences", "complaints", "staff", "appliances",
}

var wordNumbers = []string{"two", "three", "four", "five", "six", "seven", "eight",
	"nine", "ten", "eleven", "twelve", "a dozen", "a hundred"}

var editorial = []string{"[Interruption]", "[laughter]", "[Applause]", "[sic]",
	"[inaudible]", "[Members of the public in the gallery shouting]", "[Note: the figure was corrected after the meeting.]"}

var politicians = []string{
	"Nick Clegg [Deputy Prime Minister]", "Vince Cable [Secretary of State for Business, Innovation and Skills]",
	"Theresa May [Home Secretary]", "Chris Grayling [Secretary of State for Transport]",
	"Eric Pickles [Secretary of State for Communities and Local Government]",
	"Amber Rudd [Home Secretary]", "Sajid Javid [Secretary of State for Housing, Communities and Local Government]",
	"the Chancellor [of the Exchequer]",
}

// guests speak in answers but are not in the people register.
var guests = []string{
	"Jane Porter (Director of Housing, Greater London Authority)",
	"Mark Ellison (Assistant Commissioner, Metropolitan Police Service)",
	"Ruth Okafor (Chief Executive, London Legacy Development Corporation)",
	"Andy Lord (Managing Director, London Underground)",
	"Fiona Walsh (Director of Environment)",
	"Graham Ellis (Deputy Commissioner)",
	"Priya Raman (Head of Health, GLA)",
}

var questionTemplates = []string{
	"What measures are {B} taking towards ending {T} in London and how many {U} have been made by {B}?",
	"Will you publish the figures for {T} in {PL} since {Y}?",
	"How many {U} has {B} funded in {PL} since {MON} {Y}?",
	"Given the {P} rise in {T} reported by {B}, what will you do about it?",
	"In view of the recent reports about {T}, how do you see the next steps for {B}?",
	"Do you not find it odd, Mr Mayor, that {POL} has said nothing about {T}?",
	"Can you explain your understanding of why {B} has missed the deadline on {T}?",
	"Would you agree with me that the work of {B} on {T} has been inspirational for London?",
	"What is the cost to Londoners of {T}, which {B} estimates at {M}?",
	"Given the lack of timely information from {B}, will you meet the {W} groups campaigning on {T}?",
}

var answerTemplates = []string{
	"As of {MON} {Y}, there have been {N} {U} in {PL} and there were {N} in total in {Y}.",
	"{B} has invested {M} in {T} over the last {W} years.",
	"{T} fell by {P} in {Y}, and {B} expects a further fall.",
	"We have recruited {N} additional {U} since {Y}.",
	"That is a {P} increase on the previous year.",
	"There are {W} {U} in {PL} today.",
	"I will write to you with the figures for {PL}.",
	"I will ask {B} to review {T} and report back by {MON}.",
	"We are committed to delivering {N} new {U} by {Y2}.",
	"I agree with you.",
	"You are right to raise {T}, and I agree with the point about {B}.",
	"I am not able to give you that figure today.",
	"I do not accept that characterisation of {B}.",
	"{B} has a central role in tackling {T}.",
	"This is a matter for {B} and the Government.",
	"We are working closely with {B} and {B} on {T}.",
	"It is crucial we provide more information about {T}, but also that we do not allow this to fall down the list of priorities.",
	"The Mayor’s Office for Policing and Crime (MOPAC) will publish its plan for {PL} shortly.",
	"You will be aware that, in addition to the “police partners” on the board, there are also very important partners from the community as well.",
	"Unfortunately, ascertaining the numbers for {T} is complex, so it would be misleading to give a figure.",
	"What I can say is that since {Y} we are aware of at least {W} cases in London.",
	"My budget for {Y2} sets aside {M} for {B}.",
	"Just to reassure you, {PN}, we are currently identifying an ambassador for every borough.",
	"I have made a commitment to bring partners together, including {B}, to look at how we work collectively.",
	"{POL} has written to me about {T} and I have replied.",
}

var followUpTemplates = []string{
	"Mr Mayor, can you tell me how many {U} {B} has in {PL}?",
	"Will you accept that {T} is up by {P}?",
	"Thank you, Mr Mayor.",
	"Is {T} up among young people?  Yes or no?",
	"Your own figures show {N} {U} lost since {Y}.",
	"Will you keep up the pressure on {B} to say that {T} is as important as anything else?",
	"OK, thank you very much.",
	"Could you just tell me where the {M} is going to come from?",
	"{B} told the Police and Crime Committee that it had {W} {U} fewer than last year.",
	"I welcome the commitment to {T} in the draft plan.",
}

var chairTemplates = []string{
	"Thank you.  We will move on to the next question.",
	"Order.  Let the Mayor answer.",
	"{PN}, you have one minute left.",
	"Thank you for that.",
	"Can we have some quiet in the gallery, please?",
}
