"""The solution library's demo: about thirty solutions from 2015 to 2026, their reuse,
and the open workshop's outputs (scenario 3) taken forward into the library.

Loaded after the scenarios and generated events, whose organisations and people it
uses (a solution whose owner is missing is skipped). `solutions_demo_delete` removes
everything it made, so the demo's organisations can go too.
"""

import datetime

from django.utils import timezone

from samspil.dialogue.models import Output
from samspil.events.models import Event
from samspil.people.models import Organisation, Person
from samspil.solutions import services
from samspil.solutions.models import PolicyArea, Solution, TargetGroup

WORKSHOP = "aabne-vaerksteder-2018"
PREFIX = "demo-"

# (title, description, contributors, site order): what the two sites produced.
WORKSHOP_OUTPUTS = [
    (
        "Politisk business case for velfærdsteknologi",
        "En skabelon, hvor politikerne ud over økonomien vurderer værdien for borgerne og "
        "medarbejderne, før en teknologi købes ind.",
        "Aalborg-bordet: politikere, ledere og CareTech Nord",
        1,
    ),
    (
        "Politikere som ambassadører for forsøg",
        "Hvert udvalg udpeger en politiker, der følger et forsøg fra idé til evaluering og "
        "fortæller om det i byrådet.",
        "København-bordet",
        0,
    ),
    (
        "Borgerpanel før beslutningen",
        "Et lille panel af borgere tester et forslag i to uger, før det kommer på dagsordenen.",
        "Furesø og Gentofte",
        0,
    ),
]

# Each row: slug, language, title, problem, what was done, outcome, owner, contact,
# policy areas, target groups, initiators, partners, start year, history, reuses.
SOLUTIONS = [
    {
        "slug": "skaermbesoeg-i-hjemmeplejen",
        "language": "da",
        "title": {"da": "Skærmbesøg i hjemmeplejen", "en": "Video visits in home care"},
        "problem": {
            "da": "Mange korte besøg i hjemmeplejen handler om påmindelser, ikke om pleje.",
            "en": "Many short home-care visits are reminders, not care.",
        },
        "done": {
            "da": "Borgere, der ønsker det, får påmindelser om medicin via en skærm i stedet "
            "for et fysisk besøg.",
            "en": "Citizens who want it get medication reminders by video instead of a visit.",
        },
        "outcome": {
            "da": "Kommunerne frigjorde tid til de tunge besøg; borgerne er lige så tilfredse.",
            "en": "The municipalities freed time for demanding visits; citizens are as satisfied.",
        },
        "owner": "aalborg-kommune",
        "contact": "jesper-moeller-soerensen",
        "areas": ["health-elderly-care"],
        "groups": ["elderly"],
        "initiators": ["employees", "management"],
        "partners": ["nordjysk-videnscenter-for-velfaerdsteknologi"],
        "year": 2015,
        "history": [
            ("idea", "2015-02-01"),
            ("testing", "2015-09-01"),
            ("implemented", "2016-06-01"),
            ("spread", "2018-03-01"),
        ],
        "reuses": [
            ("aarhus-kommune", "2017-01-15", "Bruger også skærm til genoptræning."),
            ("vejle-kommune", "2018-05-01", ""),
            ("odense-kommune", "2019-02-01", "Kun om aftenen."),
        ],
    },
    {
        "slug": "politisk-business-case",
        "language": "da",
        "title": {
            "da": "Politisk business case for velfærdsteknologi",
            "en": "A policy case for welfare technology",
        },
        "problem": {
            "da": "Investeringer i velfærdsteknologi vurderes kun på økonomi.",
            "en": "Welfare technology is judged on money alone.",
        },
        "done": {
            "da": "Udvalget bruger en skabelon med værdi for borgere og medarbejdere "
            "ved siden af økonomien.",
            "en": "The committee uses a template that weighs value for citizens and staff "
            "next to cost.",
        },
        "outcome": {
            "da": "Tre indkøb blev ændret efter politisk drøftelse.",
            "en": "Three purchases changed after political discussion.",
        },
        "owner": "aalborg-kommune",
        "contact": "jesper-moeller-soerensen",
        "areas": ["health-elderly-care", "administration-digital"],
        "groups": ["elderly", "employees"],
        "initiators": ["politicians"],
        "partners": ["nordjysk-videnscenter-for-velfaerdsteknologi"],
        "year": 2018,
        "output": 0,
        "history": [
            ("idea", "2018-10-03"),
            ("testing", "2019-04-01"),
            ("implemented", "2020-09-01"),
            ("spread", "2023-01-10"),
        ],
        "reuses": [
            ("vejle-kommune", "2021-03-01", "Bruges også til indkøb af it."),
            ("esbjerg-kommune", "2022-08-15", ""),
        ],
    },
    {
        "slug": "politiske-forsoegsambassadoerer",
        "language": "da",
        "title": {
            "da": "Politikere som ambassadører for forsøg",
            "en": "Politicians as trial ambassadors",
        },
        "problem": {
            "da": "Politikerne hører først om forsøg, når de er slut.",
            "en": "Politicians hear of trials only when they are over.",
        },
        "done": {
            "da": "Hvert udvalg udpeger en politiker, der følger et forsøg fra idé til evaluering.",
            "en": "Each committee names a politician who follows a trial from idea to evaluation.",
        },
        "outcome": {
            "da": "Flere forsøg bliver ført videre til drift.",
            "en": "More trials become everyday practice.",
        },
        "owner": "gentofte-kommune",
        "contact": None,
        "areas": ["democracy"],
        "groups": ["employees"],
        "initiators": ["politicians", "management"],
        "partners": ["furesoe-kommune"],
        "year": 2018,
        "output": 1,
        "history": [
            ("idea", "2018-10-03"),
            ("testing", "2019-08-01"),
            ("implemented", "2021-01-05"),
        ],
        "reuses": [("furesoe-kommune", "2021-09-01", "Kun i børne- og skoleudvalget.")],
    },
    {
        "slug": "borgerpanel-foer-beslutningen",
        "language": "da",
        "title": {
            "da": "Borgerpanel før beslutningen",
            "en": "A citizens' panel before the decision",
        },
        "problem": {"da": "Borgerne høres for sent til at kunne påvirke et forslag."},
        "done": {
            "da": "Et panel af tolv borgere afprøver forslaget i to uger, "
            "før det kommer på dagsordenen."
        },
        "owner": "furesoe-kommune",
        "contact": None,
        "areas": ["democracy"],
        "groups": ["citizens"],
        "initiators": ["politicians", "citizens"],
        "partners": [],
        "year": 2019,
        "output": 2,
        "history": [("idea", "2018-10-03"), ("testing", "2019-11-01")],
        "reuses": [],
    },
    {
        "slug": "klimaplan-med-unge",
        "language": "da",
        "title": {
            "da": "Klimaplanen skrevet med de unge",
            "en": "A climate plan written with young people",
        },
        "problem": {
            "da": "Unge føler sig ikke hørt i klimapolitikken.",
            "en": "Young people do not feel heard in climate policy.",
        },
        "done": {
            "da": "Elevråd fra alle skoler skrev ét kapitel af kommunens klimaplan.",
            "en": "Pupils' councils from every school wrote one chapter of the climate plan.",
        },
        "outcome": {
            "da": "Kapitlet blev vedtaget uændret.",
            "en": "The chapter was adopted unchanged.",
        },
        "owner": "vejle-kommune",
        "contact": "thomas-bech",
        "areas": ["environment-climate", "children-schools"],
        "groups": ["children-young"],
        "initiators": ["politicians"],
        "partners": [],
        "year": 2020,
        "history": [
            ("idea", "2020-01-15"),
            ("testing", "2020-09-01"),
            ("implemented", "2021-06-01"),
        ],
        "reuses": [("aarhus-kommune", "2022-02-01", "Også gymnasierne var med.")],
    },
    {
        "slug": "jobsamtaler-paa-gaden",
        "language": "da",
        "title": {"da": "Jobsamtaler på gaden", "en": "Job talks on the street"},
        "problem": {
            "da": "Ledige udebliver fra samtaler på jobcentret.",
            "en": "Job seekers miss their appointments at the job centre.",
        },
        "done": {
            "da": "Rådgivere mødes med ledige på caféer og biblioteker.",
            "en": "Advisers meet job seekers in cafés and libraries.",
        },
        "outcome": {
            "da": "Udeblivelser faldt med en tredjedel.",
            "en": "Missed appointments fell by a third.",
        },
        "owner": "odense-kommune",
        "contact": "pernille-skov-hansen",
        "areas": ["employment"],
        "groups": ["unemployed"],
        "initiators": ["employees"],
        "partners": [],
        "year": 2016,
        "history": [
            ("idea", "2016-03-01"),
            ("testing", "2016-10-01"),
            ("implemented", "2017-08-01"),
            ("spread", "2019-05-01"),
        ],
        "reuses": [
            ("esbjerg-kommune", "2018-04-01", ""),
            ("koebenhavns-kommune", "2019-09-01", "Med tolk."),
        ],
    },
    {
        "slug": "digital-post-hjaelpere",
        "language": "da",
        "title": {
            "da": "Frivillige hjælpere til digital post",
            "en": "Volunteer helpers for digital mail",
        },
        "problem": {
            "da": "Ældre borgere mister breve fra det offentlige i den digitale post.",
            "en": "Older citizens miss official letters in their digital mail.",
        },
        "done": {
            "da": "Biblioteket uddanner frivillige, der hjælper én gang om ugen.",
            "en": "The library trains volunteers who help once a week.",
        },
        "owner": "koebenhavns-kommune",
        "contact": None,
        "areas": ["administration-digital"],
        "groups": ["elderly", "citizens"],
        "initiators": ["citizens"],
        "partners": [],
        "year": 2017,
        "history": [
            ("idea", "2017-01-10"),
            ("implemented", "2017-09-01"),
            ("spread", "2020-02-01"),
        ],
        "reuses": [
            ("gentofte-kommune", "2018-01-01", ""),
            ("odense-kommune", "2019-03-01", ""),
            ("aalborg-kommune", "2020-10-01", "Også på arabisk."),
        ],
    },
    {
        "slug": "robotstoevsugere-paa-plejehjem",
        "language": "da",
        "title": {
            "da": "Robotstøvsugere på plejehjem",
            "en": "Robot vacuum cleaners in care homes",
        },
        "problem": {"da": "Rengøring tager tid fra samværet med beboerne."},
        "done": {"da": "Tre plejehjem testede robotstøvsugere om natten."},
        "outcome": {"da": "Forsøget blev stoppet: robotterne vækkede beboerne."},
        "owner": "aarhus-kommune",
        "contact": "karen-oestergaard",
        "areas": ["health-elderly-care"],
        "groups": ["elderly", "employees"],
        "initiators": ["companies"],
        "partners": ["nordlys-design"],
        "year": 2016,
        "history": [("idea", "2016-05-01"), ("testing", "2016-11-01")],
        "reuses": [],
    },
    {
        "slug": "laeseguider-i-indskolingen",
        "language": "da",
        "title": {
            "da": "Læseguider i indskolingen",
            "en": "Reading guides for the youngest pupils",
        },
        "problem": {
            "da": "For mange børn kan ikke læse godt nok efter 3. klasse.",
            "en": "Too many children read poorly after year three.",
        },
        "done": {
            "da": "Ældre elever læser med de yngre to gange om ugen.",
            "en": "Older pupils read with younger ones twice a week.",
        },
        "outcome": {
            "da": "Læsescoren steg på alle skoler i forsøget.",
            "en": "Reading scores rose at every school in the trial.",
        },
        "owner": "esbjerg-kommune",
        "contact": None,
        "areas": ["children-schools"],
        "groups": ["children-young"],
        "initiators": ["employees"],
        "partners": ["roskilde-universitet"],
        "year": 2019,
        "history": [
            ("idea", "2019-02-01"),
            ("testing", "2019-08-15"),
            ("implemented", "2020-08-15"),
            ("spread", "2022-08-15"),
        ],
        "reuses": [("vejle-kommune", "2021-08-15", ""), ("aalborg-kommune", "2022-01-10", "")],
    },
    {
        "slug": "faelles-indkoeb-af-elbiler",
        "language": "da",
        "title": {"da": "Fælles indkøb af elbiler", "en": "Buying electric cars together"},
        "problem": {
            "da": "Små kommuner får dårlige priser på elbiler.",
            "en": "Small municipalities get poor prices for electric cars.",
        },
        "done": {
            "da": "Kommunerne i regionen udbyder deres bilpark samlet.",
            "en": "The region's municipalities tender their fleets together.",
        },
        "outcome": {"da": "Prisen faldt 14 procent.", "en": "The price fell by 14 per cent."},
        "owner": "region-midtjylland",
        "contact": None,
        "areas": ["environment-climate", "administration-digital"],
        "groups": ["businesses"],
        "initiators": ["management"],
        "partners": ["aarhus-kommune"],
        "year": 2021,
        "history": [("idea", "2021-03-01"), ("implemented", "2022-06-01")],
        "reuses": [],
    },
    {
        "slug": "aabne-data-om-trafik",
        "language": "en",
        "title": {
            "en": "Open traffic data for local firms",
            "da": "Åbne trafikdata til lokale virksomheder",
        },
        "problem": {"en": "Local firms could not plan deliveries around roadworks."},
        "done": {"en": "The city publishes roadworks and traffic counts as open data every night."},
        "outcome": {"en": "Four firms built route planners on the data."},
        "owner": "koebenhavns-kommune",
        "contact": None,
        "areas": ["transport-planning", "administration-digital"],
        "groups": ["businesses"],
        "initiators": ["companies", "employees"],
        "partners": ["nordlys-design"],
        "year": 2017,
        "history": [
            ("idea", "2017-04-01"),
            ("testing", "2017-10-01"),
            ("implemented", "2018-09-01"),
        ],
        "reuses": [("odense-kommune", "2020-01-01", "Only traffic counts.")],
    },
    {
        "slug": "innovationspraksis-makkerpar",
        "language": "da",
        "title": {"da": "Innovationspraksis i makkerpar", "en": "Innovation practice in pairs"},
        "problem": {
            "da": "Innovationschefer står alene med deres udfordringer.",
            "en": "Heads of innovation are alone with their challenges.",
        },
        "done": {
            "da": "Medlemmer af netværket mødes i par mellem de faste møder.",
            "en": "Network members meet in pairs between the regular meetings.",
        },
        "owner": "center-for-offentlig-innovation",
        "contact": "mikkel-thorsen",
        "areas": ["administration-digital"],
        "groups": ["employees"],
        "initiators": ["management"],
        "partners": [],
        "year": 2017,
        "history": [
            ("idea", "2016-11-01"),
            ("implemented", "2017-03-01"),
            ("spread", "2019-03-01"),
        ],
        "reuses": [("kl-kommunernes-landsforening", "2019-05-01", "For digitaliseringschefer.")],
    },
    {
        "slug": "innovationsbarometer-lokalt",
        "language": "da",
        "title": {
            "da": "Innovationsbarometeret i egen kommune",
            "en": "The innovation barometer in your own municipality",
        },
        "problem": {
            "da": "Kommuner ved ikke, hvor deres nye løsninger kommer fra.",
            "en": "Municipalities do not know where their new solutions come from.",
        },
        "done": {
            "da": "Barometerets spørgsmål stilles til alle ledere i kommunen hvert andet år.",
            "en": "The barometer's questions go to every manager every other year.",
        },
        "outcome": {
            "da": "Politikerne så, at medarbejderne står bag de fleste løsninger.",
            "en": "Politicians saw that employees start most solutions.",
        },
        "owner": "center-for-offentlig-innovation",
        "contact": "mikkel-thorsen",
        "areas": ["administration-digital", "democracy"],
        "groups": ["employees"],
        "initiators": ["management", "politicians"],
        "partners": ["kl-kommunernes-landsforening"],
        "year": 2015,
        "history": [
            ("idea", "2015-01-05"),
            ("testing", "2015-06-01"),
            ("implemented", "2016-01-04"),
            ("spread", "2017-06-01"),
        ],
        "reuses": [
            ("gentofte-kommune", "2016-09-01", ""),
            ("aalborg-kommune", "2017-02-01", ""),
            ("vejle-kommune", "2018-02-01", "Med egne spørgsmål om klima."),
        ],
    },
    {
        "slug": "kulturpas-til-unge",
        "language": "da",
        "title": {"da": "Kulturpas til unge", "en": "A culture pass for young people"},
        "problem": {"da": "Unge fra udsatte områder bruger sjældent kulturtilbud."},
        "done": {"da": "Unge får et gratis pas til koncerter, teater og museer."},
        "owner": "aarhus-kommune",
        "contact": "karen-oestergaard",
        "areas": ["culture-leisure"],
        "groups": ["children-young"],
        "initiators": ["politicians"],
        "partners": [],
        "year": 2022,
        "history": [("idea", "2022-02-01"), ("testing", "2023-01-10")],
        "reuses": [],
    },
    {
        "slug": "hjemmetraening-efter-hospital",
        "language": "da",
        "title": {
            "da": "Hjemmetræning lige efter hospitalet",
            "en": "Rehabilitation at home right after hospital",
        },
        "problem": {"da": "Ældre venter op til tre uger på genoptræning efter udskrivning."},
        "done": {"da": "Terapeuter fra kommunen møder borgeren hjemme dagen efter udskrivning."},
        "outcome": {"da": "Færre genindlæggelser det første år."},
        "owner": "odense-kommune",
        "contact": "pernille-skov-hansen",
        "areas": ["health-elderly-care"],
        "groups": ["elderly"],
        "initiators": ["employees", "management"],
        "partners": [],
        "year": 2020,
        "history": [
            ("idea", "2020-05-01"),
            ("testing", "2021-01-05"),
            ("implemented", "2022-03-01"),
        ],
        "reuses": [("esbjerg-kommune", "2023-04-01", "")],
    },
    {
        "slug": "sprogcafe-for-nye-borgere",
        "language": "da",
        "title": {"da": "Sprogcafé for nye borgere", "en": "Language café for newcomers"},
        "problem": {"da": "Nye borgere får for lidt dansk tale i hverdagen."},
        "done": {"da": "Frivillige og nye borgere mødes hver uge på biblioteket."},
        "owner": "vejle-kommune",
        "contact": "thomas-bech",
        "areas": ["culture-leisure", "employment"],
        "groups": ["citizens"],
        "initiators": ["citizens"],
        "partners": [],
        "year": 2016,
        "history": [
            ("idea", "2016-01-15"),
            ("implemented", "2016-04-01"),
            ("spread", "2018-09-01"),
        ],
        "reuses": [("odense-kommune", "2017-05-01", ""), ("esbjerg-kommune", "2018-01-01", "")],
    },
    {
        "slug": "groenne-tage-paa-skoler",
        "language": "da",
        "title": {"da": "Grønne tage på skolerne", "en": "Green roofs on schools"},
        "problem": {"da": "Skybrud oversvømmer skolegårdene."},
        "done": {"da": "Eleverne planter sedum på skolernes tage og måler regnvandet."},
        "owner": "gentofte-kommune",
        "contact": None,
        "areas": ["environment-climate", "children-schools"],
        "groups": ["children-young"],
        "initiators": ["employees"],
        "partners": [],
        "year": 2023,
        "history": [("idea", "2023-03-01"), ("testing", "2024-04-01")],
        "reuses": [],
    },
    {
        "slug": "ai-til-journalnotater",
        "language": "en",
        "title": {"en": "Speech-to-text for case notes", "da": "Tale til tekst i journalnotater"},
        "problem": {"en": "Social workers spend a third of their day writing case notes."},
        "done": {
            "en": "Workers dictate notes that a local speech model turns into text; "
            "they check every note."
        },
        "outcome": {"en": "Forty minutes a day saved per worker in the trial."},
        "owner": "aarhus-kommune",
        "contact": "karen-oestergaard",
        "areas": ["social-services", "administration-digital"],
        "groups": ["employees"],
        "initiators": ["employees"],
        "partners": ["roskilde-universitet"],
        "year": 2024,
        "history": [
            ("idea", "2024-01-10"),
            ("testing", "2024-09-01"),
            ("implemented", "2025-09-01"),
        ],
        "reuses": [("odense-kommune", "2026-02-01", "Only for home care notes.")],
    },
    {
        "slug": "ledsager-til-laegebesoeg",
        "language": "da",
        "title": {"da": "Ledsager til lægebesøg", "en": "A companion to the doctor"},
        "problem": {
            "da": "Mennesker med handicap aflyser lægebesøg, fordi de ikke kan komme alene."
        },
        "done": {"da": "Frivillige ledsagere bookes gennem kommunens app."},
        "owner": "esbjerg-kommune",
        "contact": None,
        "areas": ["social-services", "health-elderly-care"],
        "groups": ["people-with-disabilities"],
        "initiators": ["citizens", "other"],
        "partners": [],
        "year": 2021,
        "history": [("idea", "2021-04-01"), ("implemented", "2022-01-10")],
        "reuses": [],
    },
    {
        "slug": "borgerbudget-i-bydele",
        "language": "da",
        "title": {"da": "Borgerbudget i bydelene", "en": "Participatory budgets in the districts"},
        "problem": {"da": "Borgerne føler ikke, at de kan påvirke, hvad der sker i deres bydel."},
        "done": {"da": "Hver bydel råder over en million kroner, som borgerne stemmer om."},
        "outcome": {"da": "Valgdeltagelsen i bydelene steg."},
        "owner": "koebenhavns-kommune",
        "contact": None,
        "areas": ["democracy"],
        "groups": ["citizens"],
        "initiators": ["politicians"],
        "partners": [],
        "year": 2019,
        "history": [
            ("idea", "2019-01-15"),
            ("testing", "2019-09-01"),
            ("implemented", "2020-09-01"),
            ("spread", "2024-05-01"),
        ],
        "reuses": [("aalborg-kommune", "2021-03-01", ""), ("gentofte-kommune", "2023-04-01", "")],
    },
    {
        "slug": "nattevagt-med-sensorer",
        "language": "da",
        "title": {"da": "Nattevagt med sensorer", "en": "Night watch with sensors"},
        "problem": {"da": "Tilsyn om natten vækker beboerne."},
        "done": {"da": "Sensorer i sengen giver besked, når en beboer står op."},
        "owner": "aalborg-kommune",
        "contact": "jesper-moeller-soerensen",
        "areas": ["health-elderly-care"],
        "groups": ["elderly"],
        "initiators": ["companies", "employees"],
        "partners": ["nordjysk-videnscenter-for-velfaerdsteknologi"],
        "year": 2025,
        "history": [("idea", "2025-02-01"), ("testing", "2025-10-01")],
        "reuses": [],
    },
    {
        "slug": "simplification-administrative",
        "language": "fr",
        "title": {"fr": "Formulaires en langage clair", "en": "Forms in plain language"},
        "problem": {"fr": "Les citoyens ne comprennent pas les formulaires de la région."},
        "done": {"fr": "Des citoyens relisent chaque nouveau formulaire avant sa publication."},
        "outcome": {"fr": "Les appels au service d'aide ont baissé de moitié."},
        "owner": "service-public-de-wallonie",
        "contact": "sophie-lambert",
        "areas": ["administration-digital"],
        "groups": ["citizens"],
        "initiators": ["management", "citizens"],
        "partners": [],
        "year": 2018,
        "history": [
            ("idea", "2018-02-01"),
            ("testing", "2018-10-01"),
            ("implemented", "2019-06-01"),
            ("spread", "2021-06-01"),
        ],
        "reuses": [("bosa", "2020-09-01", "Pour les formulaires fédéraux.")],
    },
    {
        "slug": "laboratoire-usagers",
        "language": "fr",
        "title": {"fr": "Laboratoire des usagers", "en": "A users' lab"},
        "problem": {"fr": "Les services publics sont conçus sans les personnes qui les utilisent."},
        "done": {"fr": "Un laboratoire invite des usagers à tester chaque nouveau service."},
        "owner": "vraiment-vraiment",
        "contact": "camille-moreau",
        "areas": ["democracy", "administration-digital"],
        "groups": ["citizens"],
        "initiators": ["other"],
        "partners": ["service-public-de-wallonie"],
        "year": 2020,
        "history": [
            ("idea", "2020-01-10"),
            ("testing", "2020-06-01"),
            ("implemented", "2021-09-01"),
        ],
        "reuses": [],
    },
    {
        "slug": "buurtbudget-gent",
        "language": "nl",
        "title": {"nl": "Buurtbudget voor bewoners", "en": "Neighbourhood budgets for residents"},
        "problem": {"nl": "Bewoners voelen zich niet betrokken bij de plannen voor hun buurt."},
        "done": {
            "nl": "Elke buurt krijgt een budget en bewoners beslissen samen over de besteding."
        },
        "outcome": {"nl": "Meer dan tweehonderd projecten van bewoners werden uitgevoerd."},
        "owner": "stad-gent",
        "contact": None,
        "areas": ["democracy"],
        "groups": ["citizens"],
        "initiators": ["politicians", "citizens"],
        "partners": [],
        "year": 2017,
        "history": [
            ("idea", "2017-02-01"),
            ("testing", "2017-09-01"),
            ("implemented", "2018-09-01"),
            ("spread", "2020-09-01"),
        ],
        "reuses": [("bosa", "2019-10-01", "Voor de Brusselse gemeenten.")],
    },
    {
        "slug": "digitale-toegankelijkheid-bosa",
        "language": "nl",
        "title": {
            "nl": "Toegankelijke websites van de overheid",
            "en": "Accessible government websites",
            "fr": "Sites publics accessibles",
        },
        "problem": {
            "nl": "Veel overheidswebsites zijn niet bruikbaar voor mensen met een beperking."
        },
        "done": {
            "nl": "Een gedeelde toets en een team dat diensten helpt hun websites te verbeteren."
        },
        "owner": "bosa",
        "contact": "pieter-janssens",
        "contact_language": "nl",
        "areas": ["administration-digital", "social-services"],
        "groups": ["people-with-disabilities"],
        "initiators": ["management"],
        "partners": [],
        "year": 2019,
        "history": [
            ("idea", "2019-03-01"),
            ("implemented", "2020-01-15"),
            ("spread", "2022-01-15"),
        ],
        "reuses": [
            ("service-public-de-wallonie", "2021-03-01", "Avec une formation des rédacteurs.")
        ],
    },
    {
        "slug": "ungeraad-med-stemmeret",
        "language": "da",
        "title": {
            "da": "Ungeråd med stemmeret i udvalg",
            "en": "A youth council that votes in committee",
        },
        "problem": {"da": "Beslutninger om unge træffes uden unge."},
        "done": {"da": "To medlemmer af ungerådet deltager i børne- og ungeudvalgets møder."},
        "owner": "furesoe-kommune",
        "contact": None,
        "areas": ["democracy", "children-schools"],
        "groups": ["children-young"],
        "initiators": ["politicians"],
        "partners": [],
        "year": 2024,
        "history": [
            ("idea", "2024-02-01"),
            ("testing", "2024-08-15"),
            ("implemented", "2026-01-05"),
        ],
        "reuses": [],
    },
    {
        "slug": "madspild-i-kantiner",
        "language": "da",
        "title": {"da": "Mindre madspild i kantinerne", "en": "Less food waste in canteens"},
        "problem": {"da": "Kommunens kantiner smider en fjerdedel af maden ud."},
        "done": {"da": "Medarbejderne bestiller frokost dagen før i en app."},
        "outcome": {"da": "Madspildet blev halveret."},
        "owner": "vejle-kommune",
        "contact": "thomas-bech",
        "areas": ["environment-climate"],
        "groups": ["employees"],
        "initiators": ["employees"],
        "partners": ["nordlys-design"],
        "year": 2022,
        "history": [
            ("idea", "2022-01-10"),
            ("testing", "2022-05-01"),
            ("implemented", "2023-01-10"),
            ("spread", "2025-01-10"),
        ],
        "reuses": [
            ("aarhus-kommune", "2023-09-01", ""),
            ("region-midtjylland", "2024-02-01", "På hospitalerne."),
        ],
    },
    {
        "slug": "opsporende-hjemmebesoeg",
        "language": "da",
        "title": {
            "da": "Opsporende hjemmebesøg hos 70-årige",
            "en": "Early-detection visits to people turning 70",
        },
        "problem": {"da": "Ensomhed og begyndende sygdom opdages for sent."},
        "done": {"da": "Alle, der fylder 70, tilbydes et besøg af en sundhedsplejerske."},
        "owner": "gentofte-kommune",
        "contact": None,
        "areas": ["health-elderly-care"],
        "groups": ["elderly"],
        "initiators": ["politicians", "management"],
        "partners": [],
        "year": 2015,
        "history": [("idea", "2015-04-01"), ("implemented", "2016-01-04")],
        "reuses": [("furesoe-kommune", "2017-01-02", "")],
    },
    {
        "slug": "virksomhedsmentorer",
        "language": "da",
        "title": {
            "da": "Virksomhedsmentorer for ledige unge",
            "en": "Company mentors for young job seekers",
        },
        "problem": {"da": "Unge ledige mangler kontakt til arbejdspladser."},
        "done": {
            "da": "Medarbejdere i lokale virksomheder bliver mentorer for en ung i et halvt år."
        },
        "owner": "esbjerg-kommune",
        "contact": None,
        "areas": ["employment"],
        "groups": ["unemployed", "children-young", "businesses"],
        "initiators": ["companies"],
        "partners": [],
        "year": 2018,
        "history": [
            ("idea", "2018-03-01"),
            ("testing", "2018-09-01"),
            ("implemented", "2019-09-01"),
        ],
        "reuses": [("odense-kommune", "2021-01-04", "")],
    },
    {
        "slug": "digital-selvbetjening-sammen",
        "language": "en",
        "title": {
            "en": "One shared self-service platform",
            "da": "Én fælles selvbetjeningsløsning",
        },
        "problem": {"en": "Every municipality paid for its own self-service forms."},
        "done": {
            "en": "Municipalities share one platform and one set of forms, maintained together."
        },
        "owner": "kl-kommunernes-landsforening",
        "contact": None,
        "areas": ["administration-digital"],
        "groups": ["citizens", "employees"],
        "initiators": ["management"],
        "partners": ["koebenhavns-kommune", "aarhus-kommune"],
        "year": 2016,
        "history": [
            ("idea", "2016-02-01"),
            ("testing", "2016-09-01"),
            ("implemented", "2017-09-01"),
            ("spread", "2019-01-07"),
        ],
        "reuses": [
            ("esbjerg-kommune", "2018-01-02", ""),
            ("vejle-kommune", "2018-06-01", ""),
            ("gentofte-kommune", "2019-02-01", ""),
        ],
    },
]


def _date(text: str) -> datetime.date:
    return datetime.date.fromisoformat(text)


def _workshop_outputs() -> list[Output]:
    event = Event.objects.filter(slug=WORKSHOP).first()
    if event is None:
        return []
    sites = list(event.sites.order_by("order", "pk"))
    outputs = []
    for title, description, contributors, site_order in WORKSHOP_OUTPUTS:
        output, _created = Output.objects.get_or_create(
            event=event,
            title=title,
            defaults={
                "description": description,
                "contributors": contributors,
                "site": sites[site_order] if site_order < len(sites) else None,
            },
        )
        outputs.append(output)
    return outputs


def solutions_demo_delete() -> None:
    """Delete the demo's solutions (their reuses and history go with them)."""
    Solution.objects.filter(slug__in=[PREFIX + row["slug"] for row in SOLUTIONS]).delete()


def load_solutions_demo() -> int:
    """Create the demo's solutions; returns how many. Run after the scenarios."""
    today = timezone.localdate()
    organisations = {org.slug: org for org in Organisation.objects.all()}
    people = {person.slug: person for person in Person.objects.all()}
    areas = {area.slug: area for area in PolicyArea.objects.all()}
    groups = {group.slug: group for group in TargetGroup.objects.all()}
    outputs = _workshop_outputs()
    workshop = outputs[0].event if outputs else None
    created = 0
    for row in SOLUTIONS:
        owner = organisations.get(row["owner"])
        if owner is None:
            continue
        contact = people.get(row["contact"]) if row["contact"] else None
        history = [(status, _date(day)) for status, day in row["history"] if _date(day) <= today]
        output = outputs[row["output"]] if "output" in row and outputs else None
        solution = services.solution_create(
            slug=PREFIX + row["slug"],
            title=row["title"],
            problem=row["problem"],
            what_was_done=row["done"],
            outcome=row.get("outcome", {}),
            original_language=row["language"],
            owner=owner,
            contact=contact,
            contact_language=row.get("contact_language", row["language"]),
            policy_areas=[areas[slug] for slug in row["areas"]],
            target_groups=[groups[slug] for slug in row["groups"]],
            initiators=row["initiators"],
            partners=[organisations[slug] for slug in row["partners"] if slug in organisations],
            start_year=row["year"],
            history=history,
            source_events=[workshop] if output else [],
            source_outputs=[output] if output else [],
            published=True,
        )
        for org_slug, day, changes in row["reuses"]:
            if org_slug in organisations and _date(day) <= today:
                services.reuse_create(
                    solution=solution,
                    organisation=organisations[org_slug],
                    started_on=_date(day),
                    changes=changes,
                    language=row["language"],
                )
        created += 1
    return created
