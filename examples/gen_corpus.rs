//! Writes a synthetic but realistic archive of saved news pages, for benchmarks.
//!
//! `cargo run --release --example gen_corpus -- --articles N --out DIR [--seed S]`
//!
//! Every page is a function of the seed and its number only, so the same arguments
//! always give byte-identical files (the pages' modification times are set to their
//! publication instants, as a mirror that kept `Last-Modified` would). What the pages
//! look like:
//!
//! - five site shapes (wire service with JSON-LD, newspaper with `og:`/`article:` meta,
//!   broadcaster with a video player, blog with `<time>` and "Posted by", an old table
//!   layout with `<font>` tags and `<meta name="date">`), each wrapped in navigation
//!   menus, a cookie banner, share widgets, related stories, a newsletter box, a footer,
//!   styles and `<script>` blobs;
//! - a dateline ("ORAL, Kazakhstan --", "NAIROBI, Kenya (GWS) —") from about 200 real
//!   cities, dates spread over 1995-2025, bylines from generated names;
//! - bodies of 300-900 words drawn with a Zipf law (s = 1.07) from about 2,000 real news
//!   words and 30,000 pseudo-words, with news phrases and place names sprinkled in;
//!   a few words sit at fixed ranks so benchmarks can query them: `glacier` (rank
//!   2,000), `saxophone` (15,000), `obsidian` (30,000);
//! - about 8% of pages in Russian (half saved as windows-1251 with
//!   `<meta charset="windows-1251">`), Spanish or French;
//! - about 3% near-duplicates of an earlier page (same story, small edits, another site);
//! - nested folders `site/year/month/slug.html` (some `.htm` and `.shtml`).

use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;
use std::fs::File;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant, SystemTime};

use chrono::{DateTime, FixedOffset, NaiveDate, TimeZone};

// ---------------------------------------------------------------------------
// Randomness: splitmix64, seeded per page so any page can be regenerated alone.

struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        let mut r = Rng(seed ^ 0x9E37_79B9_7F4A_7C15);
        r.next_u64();
        r
    }

    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// Uniform in [0, n).
    fn below(&mut self, n: usize) -> usize {
        ((self.next_u64() as u128 * n as u128) >> 64) as usize
    }

    /// Uniform in [lo, hi].
    fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }

    fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// A per-purpose seed for page `i`, so each decision stream is independent.
fn sub_seed(seed: u64, i: u64, purpose: u64) -> u64 {
    let mut r = Rng::new(
        seed ^ i.wrapping_mul(0xD6E8_FEB8_6659_FD93) ^ purpose.wrapping_mul(0xA076_1D64_78BD_642F),
    );
    r.next_u64()
}

/// Samples ranks 0..n with probability proportional to 1 / (rank + 1)^s.
struct Zipf {
    cdf: Vec<f64>,
}

impl Zipf {
    fn new(n: usize, s: f64) -> Zipf {
        let mut total = 0.0;
        let cdf = (1..=n)
            .map(|r| {
                total += (r as f64).powf(-s);
                total
            })
            .collect();
        Zipf { cdf }
    }

    fn sample(&self, rng: &mut Rng) -> usize {
        let u = rng.unit() * self.cdf[self.cdf.len() - 1];
        self.cdf.partition_point(|&c| c < u).min(self.cdf.len() - 1)
    }
}

// ---------------------------------------------------------------------------
// Word lists.

/// The most frequent words of English news, roughly in frequency order: they take the
/// top ranks.
const EN_TOP: &str = "the of to and a in that is for on said was with he it as at by from his be have has \
are an they but not who were had this been their which would will its she after also more one or year two \
about her new we there people than up out when all last over some into other i what could them first can \
government years if three no so just time percent week told police state because while before since may \
where those most officials only against including now president city country during former between many \
under any our through him do made million back did should being say says like per month day four five \
minister national public local security officials election military party group leaders told support";

/// Common news nouns; a trailing `-` means the word has no plural form here.
const EN_NOUNS: &str = "government police- election president minister official country city state \
party leader protest protester court judge law bill vote voter campaign parliament council mayor \
governor senator lawmaker congress- committee report statement spokesman spokeswoman ministry agency \
army soldier troop border war conflict attack strike ceasefire peace- talk deal agreement treaty sanction \
economy- market price inflation- rate bank budget tax debt loan fund investor company business firm \
worker job wage union factory industry oil gas- fuel energy- power- plant mine farmer crop harvest \
grain wheat- rice- water- river flood drought storm fire earthquake typhoon hurricane weather- climate \
temperature emission forest coast island sea port ship airport flight train road bridge highway car \
driver accident victim death injury hospital doctor nurse patient health- disease virus vaccine school \
student teacher university child family mother father woman man resident citizen community village \
town capital region province district neighbourhood street square building home house apartment rent \
land property project plan program reform policy rule decision question answer case trial investigation \
prosecutor lawyer charge crime prison sentence arrest detention suspect witness evidence journalist \
reporter newspaper media- television radio- website internet phone computer technology- data- company \
network service system software hacker satellite scientist research study expert analyst survey poll \
result figure number percent- share stock currency dollar euro export import trade- supply demand \
shortage crisis emergency disaster relief- aid- donor refugee migrant camp shelter food- meal bread- \
festival concert museum artist film music- book writer church mosque temple religion faith- leader \
team player coach match game season championship cup medal race runner marathon stadium fan goal \
victory defeat tournament league record history- anniversary ceremony monument memorial street \
protest rally march crowd demonstration activist opposition regime coalition candidate ballot count \
turnout result runoff referendum constitution amendment right freedom- democracy- corruption- scandal \
resignation cabinet spokesperson embassy ambassador diplomat summit meeting conference negotiation \
border refugee visa passport tourist tourism- hotel restaurant shop shopkeeper owner customer consumer \
household bill heating- electricity- pipeline reservoir dam well field pasture herd livestock- cattle- \
fisherman fish- boat harbour tide- winter summer spring autumn morning evening night weekend \
minute hour decade century generation population- census migration- neighbour friend colleague \
employee employer pension retirement- salary bonus contract lawsuit ruling verdict appeal hearing \
testimony inquiry commission regulator regulation license permit fine penalty ban limit target goal \
forecast estimate growth- recession decline increase rise fall drop surge jump cut loss profit revenue \
sale purchase cost spending- subsidy tariff quota route corridor convoy shipment cargo container \
warehouse port terminal runway tunnel railway station bus taxi bicycle pedestrian traffic- pollution- \
waste- recycling- plastic energy solar- wind- battery grid outage blackout shortage ration queue";

/// Common news verbs, regular inflection; a trailing `+` doubles the last consonant
/// (plan -> planned, planning).
const EN_VERBS: &str = "announce accuse add agree allow appear arrest ask attack believe block call \
charge claim close collect complain confirm consider continue control count cover create damage \
decide declare defend demand deny deploy destroy detain describe discuss dismiss displace elect \
end enter evacuate expect explain face fear fight- file follow force gather govern handle help hope \
include increase injure investigate join kill launch lead- learn leave- list live look lose- maintain \
march meet- move need offer open order organize pass pay- plan+ play point prepare present prevent \
promise protect protest prove provide publish push raise reach receive recover reduce refuse reject \
release remain remove repair replace report represent request require rescue respond return reveal \
rise- rule sign spend- start stop+ strike- struggle suffer suggest support suspend threaten touch \
trade train travel treat try turn urge use visit vote wait walk want warn watch welcome win- work \
worry ban+ blame boost build- celebrate clash collapse criticize delay demolish donate drill export \
flee- freeze- import inspect interview lift negotiate nominate obtain overturn pledge predict \
privatize rebuild recall register resign restore search seize settle shell ship+ shut- smuggle \
sponsor subsidize target test vow withdraw- approve estimate";

const EN_ADJECTIVES: &str = "new former local national international foreign political military economic \
public private official main major small large big high low long short early late recent final \
second third several few many other own same different important possible likely able free full \
local regional federal central northern southern eastern western coastal rural urban remote \
daily weekly annual monthly heavy light strong weak hard easy dangerous safe serious violent peaceful \
deadly fatal critical severe mild dry wet cold hot warm sharp steep slow fast quick rapid sudden \
gradual massive huge tiny narrow wide deep open closed empty crowded poor rich young old senior \
junior elderly chief top leading key vital basic legal illegal criminal civil human social cultural \
religious ethnic historic modern ancient traditional digital financial commercial industrial \
agricultural environmental medical scientific technical academic independent opposition ruling \
interim acting temporary permanent emergency humanitarian diplomatic strategic nuclear renewable \
cheap expensive affordable unpaid missing wounded displaced stranded angry frustrated worried \
hopeful confident cautious skeptical divided united popular controversial unprecedented \
widespread nationwide citywide overnight tomorrow yesterday today already still again nearly almost \
roughly about around only just even also however meanwhile instead recently currently previously \
quickly slowly sharply largely mostly partly fully";

/// Words pinned at fixed ranks of the English vocabulary, for the benchmark's queries.
const PINNED: &[(&str, usize)] = &[
    ("glacier", 2_000),
    ("saxophone", 15_000),
    ("obsidian", 30_000),
];

/// News phrases dropped into sentences, most frequent first (picked with a Zipf law).
const EN_PHRASES: &[&str] = &[
    "the prime minister",
    "security forces",
    "human rights",
    "the central bank",
    "climate change",
    "state of emergency",
    "interest rates",
    "the opposition leader",
    "the supreme court",
    "according to officials",
    "peace talks",
    "the interior ministry",
    "public health officials",
    "the foreign minister",
    "local elections",
    "the armed forces",
    "the united nations",
    "tax cuts",
    "a spokesman for the ministry",
    "the city council",
    "fuel prices",
    "the price of bread",
    "riot police",
    "the election commission",
    "a curfew",
    "tear gas",
    "the finance ministry",
    "a national day of mourning",
    "the price of liquefied petroleum gas",
];

const RU_WORDS: &str = "и в не на что с по он как это к из у за от о а так все она же но для было мы \
был бы сказал года году время который которые когда только уже его их также после при более чем \
президент правительство министр власти город страны страна области район жители люди человек \
полиция протест протеста протесты протестующие протестующих митинг площади акции задержаны \
задержанных задержания суд суда закон закона выборы выборов депутаты парламент партии \
оппозиции глава администрации заявил заявила сообщили сообщает по данным официальный \
экономика цены цен рост инфляция бюджет налог банк рубль тенге доллар нефть газ газа топливо \
бензин энергетики рабочие работы зарплаты пенсии школа больница врачи здравоохранения \
вакцина вирус дети семьи женщины мужчины студенты университет улица дома квартиры \
строительство дороги мост транспорт поезд аэропорт рейс погода снег мороз наводнение \
пожар землетрясение урожай пшеница фермеры скот вода река море граница войска армия \
безопасность переговоры соглашение санкции экспорт импорт торговля компании предприятия \
завод шахта месторождение рынок магазин цены продукты хлеб мясо молоко сахар \
новости корреспондент журналист газета телевидение интернет связь телефон \
прошлой недели понедельник вторник среду четверг пятницу субботу воскресенье \
утром вечером ночью днем сегодня вчера завтра январе феврале марте апреле мае июне \
июле августе сентябре октябре ноябре декабре тысяч миллионов процентов несколько \
многие большинство около почти всего сейчас теперь снова еще однако поэтому потому \
чрезвычайного положения комендантский час акимат прокуратура расследование \
уголовное дело свидетели адвокат приговор штраф арест";

const ES_WORDS: &str = "de la que el en y a los se del las un por con no una su para es al lo como \
más pero sus le ya o fue este ha sí porque esta son entre está cuando muy sin sobre también me hasta \
hay donde quien desde todo nos durante todos uno les ni contra otros ese eso ante ellos según \
gobierno presidente ministro ciudad país región provincia alcalde policía protesta protestas \
manifestantes marcha plaza elecciones votos partido oposición congreso senado tribunal juez ley \
economía precios inflación banco presupuesto impuestos deuda empresa trabajadores salario huelga \
petróleo gas combustible energía agua río lluvias inundaciones sequía incendio terremoto cosecha \
agricultores ganado pescadores puerto carretera puente aeropuerto tren autobús hospital médicos \
salud vacuna niños familias mujeres hombres vecinos estudiantes escuela universidad calle casa \
vivienda damnificados ayuda víctimas muertos heridos desaparecidos rescate emergencia \
autoridades funcionarios portavoz declaró afirmó señaló explicó informó según fuentes \
acuerdo negociación diálogo frontera migrantes refugiados seguridad ejército tropas ataque \
corrupción escándalo investigación fiscalía detenidos cárcel sentencia derechos humanos \
periodista diario radio televisión internet teléfono mañana tarde noche lunes martes miércoles \
jueves viernes sábado domingo enero febrero marzo abril mayo junio julio agosto septiembre \
octubre noviembre diciembre millones miles por ciento año años semana mes día hoy ayer \
después antes nuevo nueva último primera grave difícil pública nacional económica política";

const FR_WORDS: &str = "de la le et les des à en un une du est que pour qui dans par sur pas au plus ne \
se il a ce avec sont son elle ont été mais ses ou leur aux cette comme fait être nous tout bien sans \
aussi après avant entre depuis encore même contre selon lors déjà très où alors donc ainsi \
gouvernement président ministre ville pays région préfecture maire police manifestation \
manifestants grève syndicats cortège place élections scrutin vote parti opposition assemblée \
sénat tribunal juge loi réforme économie prix inflation banque budget impôts dette entreprise \
salariés salaire emploi chômage pétrole gaz carburant énergie électricité eau fleuve pluies \
inondations sécheresse incendie séisme récolte agriculteurs élevage pêcheurs port route pont \
aéroport train autobus hôpital médecins santé vaccin enfants familles femmes hommes habitants \
étudiants école université rue maison logement sinistrés aide victimes morts blessés disparus \
secours urgence autorités responsables porte-parole a déclaré a affirmé a précisé a expliqué \
accord négociations dialogue frontière migrants réfugiés sécurité armée troupes attaque \
corruption scandale enquête parquet interpellés prison peine droits de l’homme journaliste \
quotidien radio télévision internet téléphone matin soir nuit lundi mardi mercredi jeudi \
vendredi samedi dimanche janvier février mars avril mai juin juillet août septembre octobre \
novembre décembre millions milliers pour cent année semaine mois jour aujourd’hui hier \
nouveau nouvelle dernier première grave difficile publique nationale économique politique \
climat accord été hiver automne printemps côte île mer forêt montagne vallée village quartier";

// ---------------------------------------------------------------------------
// Places.

/// (city, country or US state) for English datelines.
const CITIES: &[(&str, &str)] = &[
    ("Oral", "Kazakhstan"),
    ("Nairobi", "Kenya"),
    ("Almaty", "Kazakhstan"),
    ("Astana", "Kazakhstan"),
    ("Atyrau", "Kazakhstan"),
    ("Aktobe", "Kazakhstan"),
    ("Bishkek", "Kyrgyzstan"),
    ("Tashkent", "Uzbekistan"),
    ("Samarkand", "Uzbekistan"),
    ("Dushanbe", "Tajikistan"),
    ("Ashgabat", "Turkmenistan"),
    ("Moscow", "Russia"),
    ("St. Petersburg", "Russia"),
    ("Novosibirsk", "Russia"),
    ("Yekaterinburg", "Russia"),
    ("Kazan", "Russia"),
    ("Vladivostok", "Russia"),
    ("Kyiv", "Ukraine"),
    ("Odesa", "Ukraine"),
    ("Kharkiv", "Ukraine"),
    ("Lviv", "Ukraine"),
    ("Minsk", "Belarus"),
    ("Chisinau", "Moldova"),
    ("Tbilisi", "Georgia"),
    ("Yerevan", "Armenia"),
    ("Baku", "Azerbaijan"),
    ("Ankara", "Turkey"),
    ("Istanbul", "Turkey"),
    ("Izmir", "Turkey"),
    ("Tehran", "Iran"),
    ("Baghdad", "Iraq"),
    ("Erbil", "Iraq"),
    ("Damascus", "Syria"),
    ("Beirut", "Lebanon"),
    ("Amman", "Jordan"),
    ("Jerusalem", "Israel"),
    ("Tel Aviv", "Israel"),
    ("Riyadh", "Saudi Arabia"),
    ("Jeddah", "Saudi Arabia"),
    ("Dubai", "United Arab Emirates"),
    ("Abu Dhabi", "United Arab Emirates"),
    ("Doha", "Qatar"),
    ("Kuwait City", "Kuwait"),
    ("Muscat", "Oman"),
    ("Sanaa", "Yemen"),
    ("Cairo", "Egypt"),
    ("Alexandria", "Egypt"),
    ("Tripoli", "Libya"),
    ("Tunis", "Tunisia"),
    ("Algiers", "Algeria"),
    ("Rabat", "Morocco"),
    ("Casablanca", "Morocco"),
    ("Khartoum", "Sudan"),
    ("Juba", "South Sudan"),
    ("Addis Ababa", "Ethiopia"),
    ("Asmara", "Eritrea"),
    ("Mogadishu", "Somalia"),
    ("Kampala", "Uganda"),
    ("Kigali", "Rwanda"),
    ("Dar es Salaam", "Tanzania"),
    ("Dodoma", "Tanzania"),
    ("Mombasa", "Kenya"),
    ("Kisumu", "Kenya"),
    ("Lusaka", "Zambia"),
    ("Harare", "Zimbabwe"),
    ("Lilongwe", "Malawi"),
    ("Maputo", "Mozambique"),
    ("Johannesburg", "South Africa"),
    ("Cape Town", "South Africa"),
    ("Durban", "South Africa"),
    ("Pretoria", "South Africa"),
    ("Gaborone", "Botswana"),
    ("Windhoek", "Namibia"),
    ("Luanda", "Angola"),
    ("Kinshasa", "Congo"),
    ("Goma", "Congo"),
    ("Brazzaville", "Congo"),
    ("Lagos", "Nigeria"),
    ("Abuja", "Nigeria"),
    ("Kano", "Nigeria"),
    ("Accra", "Ghana"),
    ("Kumasi", "Ghana"),
    ("Abidjan", "Ivory Coast"),
    ("Dakar", "Senegal"),
    ("Bamako", "Mali"),
    ("Niamey", "Niger"),
    ("Ouagadougou", "Burkina Faso"),
    ("Freetown", "Sierra Leone"),
    ("Monrovia", "Liberia"),
    ("Antananarivo", "Madagascar"),
    ("London", "United Kingdom"),
    ("Manchester", "England"),
    ("Birmingham", "England"),
    ("Glasgow", "Scotland"),
    ("Edinburgh", "Scotland"),
    ("Cardiff", "Wales"),
    ("Belfast", "Northern Ireland"),
    ("Dublin", "Ireland"),
    ("Paris", "France"),
    ("Marseille", "France"),
    ("Lyon", "France"),
    ("Brussels", "Belgium"),
    ("Amsterdam", "Netherlands"),
    ("Rotterdam", "Netherlands"),
    ("Berlin", "Germany"),
    ("Hamburg", "Germany"),
    ("Munich", "Germany"),
    ("Frankfurt", "Germany"),
    ("Vienna", "Austria"),
    ("Zurich", "Switzerland"),
    ("Geneva", "Switzerland"),
    ("Rome", "Italy"),
    ("Milan", "Italy"),
    ("Naples", "Italy"),
    ("Madrid", "Spain"),
    ("Barcelona", "Spain"),
    ("Lisbon", "Portugal"),
    ("Athens", "Greece"),
    ("Warsaw", "Poland"),
    ("Krakow", "Poland"),
    ("Prague", "Czech Republic"),
    ("Budapest", "Hungary"),
    ("Bucharest", "Romania"),
    ("Sofia", "Bulgaria"),
    ("Belgrade", "Serbia"),
    ("Zagreb", "Croatia"),
    ("Sarajevo", "Bosnia"),
    ("Pristina", "Kosovo"),
    ("Tirana", "Albania"),
    ("Stockholm", "Sweden"),
    ("Oslo", "Norway"),
    ("Copenhagen", "Denmark"),
    ("Helsinki", "Finland"),
    ("Tallinn", "Estonia"),
    ("Riga", "Latvia"),
    ("Vilnius", "Lithuania"),
    ("Reykjavik", "Iceland"),
    ("New Delhi", "India"),
    ("Mumbai", "India"),
    ("Kolkata", "India"),
    ("Chennai", "India"),
    ("Bengaluru", "India"),
    ("Karachi", "Pakistan"),
    ("Lahore", "Pakistan"),
    ("Islamabad", "Pakistan"),
    ("Kabul", "Afghanistan"),
    ("Dhaka", "Bangladesh"),
    ("Kathmandu", "Nepal"),
    ("Colombo", "Sri Lanka"),
    ("Beijing", "China"),
    ("Shanghai", "China"),
    ("Guangzhou", "China"),
    ("Wuhan", "China"),
    ("Hong Kong", "China"),
    ("Taipei", "Taiwan"),
    ("Tokyo", "Japan"),
    ("Osaka", "Japan"),
    ("Seoul", "South Korea"),
    ("Busan", "South Korea"),
    ("Ulaanbaatar", "Mongolia"),
    ("Hanoi", "Vietnam"),
    ("Ho Chi Minh City", "Vietnam"),
    ("Bangkok", "Thailand"),
    ("Yangon", "Myanmar"),
    ("Phnom Penh", "Cambodia"),
    ("Kuala Lumpur", "Malaysia"),
    ("Singapore", "Singapore"),
    ("Jakarta", "Indonesia"),
    ("Manila", "Philippines"),
    ("Sydney", "Australia"),
    ("Melbourne", "Australia"),
    ("Canberra", "Australia"),
    ("Auckland", "New Zealand"),
    ("Wellington", "New Zealand"),
    ("Port Moresby", "Papua New Guinea"),
    ("Ottawa", "Canada"),
    ("Toronto", "Canada"),
    ("Montreal", "Canada"),
    ("Vancouver", "Canada"),
    ("Washington", "D.C."),
    ("New York", "New York"),
    ("Los Angeles", "California"),
    ("San Francisco", "California"),
    ("Chicago", "Illinois"),
    ("Houston", "Texas"),
    ("Dallas", "Texas"),
    ("Miami", "Florida"),
    ("Atlanta", "Georgia"),
    ("Boston", "Massachusetts"),
    ("Seattle", "Washington"),
    ("Denver", "Colorado"),
    ("Phoenix", "Arizona"),
    ("Detroit", "Michigan"),
    ("New Orleans", "Louisiana"),
    ("Anchorage", "Alaska"),
    ("Mexico City", "Mexico"),
    ("Guadalajara", "Mexico"),
    ("Havana", "Cuba"),
    ("Port-au-Prince", "Haiti"),
    ("Santo Domingo", "Dominican Republic"),
    ("Guatemala City", "Guatemala"),
    ("Managua", "Nicaragua"),
    ("San Jose", "Costa Rica"),
    ("Panama City", "Panama"),
    ("Bogota", "Colombia"),
    ("Medellin", "Colombia"),
    ("Caracas", "Venezuela"),
    ("Quito", "Ecuador"),
    ("Lima", "Peru"),
    ("La Paz", "Bolivia"),
    ("Santiago", "Chile"),
    ("Buenos Aires", "Argentina"),
    ("Montevideo", "Uruguay"),
    ("Asuncion", "Paraguay"),
    ("Sao Paulo", "Brazil"),
    ("Rio de Janeiro", "Brazil"),
    ("Brasilia", "Brazil"),
    ("Manaus", "Brazil"),
];

const RU_CITIES: &[(&str, &str)] = &[
    ("Москва", "Россия"),
    ("Санкт-Петербург", "Россия"),
    ("Новосибирск", "Россия"),
    ("Екатеринбург", "Россия"),
    ("Казань", "Россия"),
    ("Самара", "Россия"),
    ("Омск", "Россия"),
    ("Иркутск", "Россия"),
    ("Владивосток", "Россия"),
    ("Алматы", "Казахстан"),
    ("Астана", "Казахстан"),
    ("Уральск", "Казахстан"),
    ("Актобе", "Казахстан"),
    ("Атырау", "Казахстан"),
    ("Караганда", "Казахстан"),
    ("Бишкек", "Киргизия"),
    ("Ташкент", "Узбекистан"),
    ("Душанбе", "Таджикистан"),
    ("Минск", "Белоруссия"),
    ("Киев", "Украина"),
    ("Одесса", "Украина"),
    ("Тбилиси", "Грузия"),
    ("Ереван", "Армения"),
    ("Баку", "Азербайджан"),
    ("Рига", "Латвия"),
];

const ES_CITIES: &[(&str, &str)] = &[
    ("Madrid", "España"),
    ("Barcelona", "España"),
    ("Sevilla", "España"),
    ("Málaga", "España"),
    ("Bogotá", "Colombia"),
    ("Medellín", "Colombia"),
    ("Lima", "Perú"),
    ("Piura", "Perú"),
    ("Cusco", "Perú"),
    ("Ciudad de México", "México"),
    ("Guadalajara", "México"),
    ("Monterrey", "México"),
    ("Buenos Aires", "Argentina"),
    ("Córdoba", "Argentina"),
    ("Santiago", "Chile"),
    ("Valparaíso", "Chile"),
    ("Caracas", "Venezuela"),
    ("Quito", "Ecuador"),
    ("La Paz", "Bolivia"),
    ("Montevideo", "Uruguay"),
    ("Asunción", "Paraguay"),
];

const FR_CITIES: &[(&str, &str)] = &[
    ("Paris", "France"),
    ("Lyon", "France"),
    ("Marseille", "France"),
    ("Toulouse", "France"),
    ("Bordeaux", "France"),
    ("Nantes", "France"),
    ("Strasbourg", "France"),
    ("Lille", "France"),
    ("Genève", "Suisse"),
    ("Lausanne", "Suisse"),
    ("Bruxelles", "Belgique"),
    ("Liège", "Belgique"),
    ("Montréal", "Canada"),
    ("Québec", "Canada"),
    ("Dakar", "Sénégal"),
    ("Abidjan", "Côte d’Ivoire"),
    ("Alger", "Algérie"),
    ("Tunis", "Tunisie"),
    ("Rabat", "Maroc"),
    ("Bamako", "Mali"),
    ("Niamey", "Niger"),
    ("Ouagadougou", "Burkina Faso"),
    ("Kinshasa", "RD Congo"),
    ("Port-au-Prince", "Haïti"),
];

const FIRST_NAMES: &[&str] = &[
    "Aliya",
    "Daniyar",
    "Ruslan",
    "Assel",
    "James",
    "Olena",
    "Wanjiru",
    "Peter",
    "Carlos",
    "Maria",
    "Daniel",
    "Ana",
    "Helen",
    "Priya",
    "Tom",
    "Samuel",
    "Gareth",
    "Cody",
    "Ellen",
    "Denise",
    "Marcus",
    "Tamar",
    "Claire",
    "Michael",
    "Sam",
    "Hannah",
    "Kadri",
    "Lena",
    "Lucía",
    "Élodie",
    "Amina",
    "Kwame",
    "Fatima",
    "Omar",
    "Yusuf",
    "Leila",
    "Arash",
    "Mehmet",
    "Elif",
    "Giorgi",
    "Nino",
    "Armen",
    "Anahit",
    "Ivan",
    "Natalia",
    "Sergei",
    "Olga",
    "Pavel",
    "Irina",
    "Bakyt",
    "Gulnara",
    "Timur",
    "Dilnoza",
    "Rahul",
    "Anjali",
    "Sunil",
    "Mei",
    "Wei",
    "Hiroshi",
    "Yuki",
    "Min-jun",
    "Ji-woo",
    "Thanh",
    "Siti",
    "Budi",
    "Jose",
    "Camila",
    "Mateo",
    "Valentina",
    "Diego",
    "Sofia",
    "Lucas",
    "Emma",
    "Noah",
    "Olivia",
    "Liam",
    "Chloe",
    "Ngozi",
    "Chinedu",
    "Abebe",
];

const LAST_NAMES: &[&str] = &[
    "Seitkali",
    "Kenzhebaeva",
    "Abenov",
    "Mukhametova",
    "Whitford",
    "Marchuk",
    "Kamau",
    "Otieno",
    "Mendoza",
    "Santos",
    "Okafor",
    "Costa",
    "Whitcombe",
    "Raman",
    "Ellery",
    "Brandt",
    "Lyle",
    "Ramsey",
    "Marsh",
    "Harper",
    "Bell",
    "Beridze",
    "Dubois",
    "Henshaw",
    "Oduya",
    "Okoro",
    "Tamm",
    "Vogt",
    "Fernández",
    "Marchand",
    "Haddad",
    "Mensah",
    "Rahman",
    "Farouk",
    "Demir",
    "Yilmaz",
    "Kapanadze",
    "Petrosyan",
    "Ivanov",
    "Petrova",
    "Sokolov",
    "Volkova",
    "Osmonaliev",
    "Nurlanova",
    "Karimov",
    "Sharma",
    "Gupta",
    "Iyer",
    "Chen",
    "Wang",
    "Tanaka",
    "Sato",
    "Kim",
    "Park",
    "Nguyen",
    "Wijaya",
    "Garcia",
    "Rodriguez",
    "Lopez",
    "Martinez",
    "Silva",
    "Pereira",
    "Smith",
    "Johnson",
    "Brown",
    "Taylor",
    "Wilson",
    "Davies",
    "Evans",
    "Thomas",
    "Roberts",
    "Walker",
    "Wright",
    "Adeyemi",
    "Eze",
    "Tesfaye",
    "Mwangi",
    "Banda",
    "Moyo",
    "Dlamini",
    "Novak",
    "Kowalski",
    "Horvat",
    "Popescu",
    "Georgiou",
    "Rossi",
    "Bianchi",
    "Müller",
    "Schmidt",
    "Jansen",
    "Andersson",
    "Hansen",
];

// ---------------------------------------------------------------------------
// Languages and their vocabularies.

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Lang {
    En,
    Ru,
    Es,
    Fr,
}

impl Lang {
    fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ru => "ru",
            Lang::Es => "es",
            Lang::Fr => "fr",
        }
    }
}

struct Vocab {
    words: Vec<String>,
    zipf: Zipf,
    /// Ranks at or above this are content words (for headlines).
    first_content_rank: usize,
}

impl Vocab {
    fn word<'a>(&'a self, rng: &mut Rng) -> &'a str {
        &self.words[self.zipf.sample(rng)]
    }

    /// A word that is not among the most frequent function words.
    fn content_word<'a>(&'a self, rng: &mut Rng) -> &'a str {
        loop {
            let r = self.zipf.sample(rng);
            if r >= self.first_content_rank {
                return &self.words[r];
            }
        }
    }
}

fn inflect_noun(base: &str, out: &mut Vec<String>) {
    if let Some(b) = base.strip_suffix('-') {
        out.push(b.to_string());
        return;
    }
    out.push(base.to_string());
    out.push(plural(base));
}

fn plural(w: &str) -> String {
    let b = w.as_bytes();
    if w.ends_with('s') || w.ends_with('x') || w.ends_with("ch") || w.ends_with("sh") {
        format!("{w}es")
    } else if w.ends_with('y') && b.len() > 1 && !b"aeiou".contains(&b[b.len() - 2]) {
        format!("{}ies", &w[..w.len() - 1])
    } else {
        format!("{w}s")
    }
}

fn inflect_verb(base: &str, out: &mut Vec<String>) {
    if let Some(b) = base.strip_suffix('-') {
        // Irregular past: base, third person and -ing only.
        out.push(b.to_string());
        out.push(plural(b));
        out.push(ing(b));
        return;
    }
    let (b, double) = match base.strip_suffix('+') {
        Some(b) => (b, true),
        None => (base, false),
    };
    out.push(b.to_string());
    out.push(plural(b));
    if double {
        let last = &b[b.len() - 1..];
        out.push(format!("{b}{last}ed"));
        out.push(format!("{b}{last}ing"));
        return;
    }
    let bytes = b.as_bytes();
    if b.ends_with('e') {
        out.push(format!("{b}d"));
    } else if b.ends_with('y') && !b"aeiou".contains(&bytes[bytes.len() - 2]) {
        out.push(format!("{}ied", &b[..b.len() - 1]));
    } else {
        out.push(format!("{b}ed"));
    }
    out.push(ing(b));
}

fn ing(b: &str) -> String {
    if b.ends_with('e') && !b.ends_with("ee") {
        format!("{}ing", &b[..b.len() - 1])
    } else {
        format!("{b}ing")
    }
}

/// Pseudo-words from syllables; deterministic (fixed seed), the same for every corpus.
fn pseudo_words(
    n: usize,
    onsets: &[&str],
    vowels: &[&str],
    codas: &[&str],
    taken: &mut HashSet<String>,
    seed: u64,
) -> Vec<String> {
    let mut rng = Rng::new(seed);
    let mut out = Vec::with_capacity(n);
    while out.len() < n {
        // Mostly two or three syllables; the lists' first entries are the likelier.
        let syllables = *rng.pick(&[2, 2, 2, 3, 3, 4]);
        let mut w = String::new();
        for s in 0..syllables {
            if s > 0 || rng.chance(0.8) {
                w.push_str(skewed(&mut rng, onsets));
            }
            w.push_str(skewed(&mut rng, vowels));
            if s + 1 == syllables || rng.chance(0.15) {
                w.push_str(skewed(&mut rng, codas));
            }
        }
        if taken.insert(w.clone()) {
            out.push(w);
        }
    }
    out
}

/// Picks from a list, favouring its first entries (the min of two uniform draws).
fn skewed<'a>(rng: &mut Rng, items: &[&'a str]) -> &'a str {
    items[rng.below(items.len()).min(rng.below(items.len()))]
}

fn english_vocab() -> Vocab {
    let mut real: Vec<String> = Vec::new();
    let mut seen = HashSet::new();
    let mut top: Vec<String> = Vec::new();
    for w in EN_TOP.split_whitespace() {
        if seen.insert(w.to_string()) {
            top.push(w.to_string());
        }
    }
    let mut forms = Vec::new();
    for w in EN_NOUNS.split_whitespace() {
        inflect_noun(w, &mut forms);
    }
    for w in EN_VERBS.split_whitespace() {
        inflect_verb(w, &mut forms);
    }
    forms.extend(EN_ADJECTIVES.split_whitespace().map(str::to_string));
    for w in forms {
        if PINNED.iter().any(|(p, _)| *p == w) {
            continue;
        }
        if seen.insert(w.clone()) {
            real.push(w);
        }
    }
    for (p, _) in PINNED {
        seen.insert(p.to_string());
    }
    // Shuffle the real words so their frequency does not follow the lists' order.
    let mut rng = Rng::new(7);
    for i in (1..real.len()).rev() {
        let j = rng.below(i + 1);
        real.swap(i, j);
    }
    let pseudo = pseudo_words(
        30_000,
        &[
            "t", "n", "s", "r", "l", "d", "m", "k", "b", "p", "v", "g", "h", "f", "z", "w", "j",
            "c", "st", "tr", "br", "pr", "gr", "sh", "ch", "th", "bl", "kl", "pl", "dr", "fr",
        ],
        &["a", "e", "o", "i", "u", "a", "e", "ai", "ou", "ea", "y"],
        &["", "n", "r", "s", "l", "m", "t", "k", "nd", "st", "x"],
        &mut seen,
        11,
    );
    // Ranks: the function words first, then real words spread over the first ~8,000
    // ranks among pseudo-words, pseudo-words in the tail, pinned words at fixed ranks.
    let mut words: Vec<String> = top;
    let first_content_rank = words.len();
    let mut real_iter = real.into_iter().peekable();
    let mut pseudo_iter = pseudo.into_iter();
    loop {
        let rank = words.len();
        if let Some((p, _)) = PINNED.iter().find(|(_, r)| *r == rank) {
            words.push(p.to_string());
            continue;
        }
        // Mostly real words near the top, fewer further down.
        let real_share = if rank < 1_000 {
            0.85
        } else if rank < 4_000 {
            0.35
        } else {
            0.08
        };
        let next = if real_iter.peek().is_some() && (rng.chance(real_share)) {
            real_iter.next()
        } else {
            pseudo_iter.next().or_else(|| real_iter.next())
        };
        match next {
            Some(w) => words.push(w),
            None => break,
        }
    }
    let zipf = Zipf::new(words.len(), 1.07);
    Vocab {
        words,
        zipf,
        first_content_rank,
    }
}

fn small_vocab(real: &str, lang: Lang) -> Vocab {
    let mut seen = HashSet::new();
    let mut words: Vec<String> = Vec::new();
    for w in real.split_whitespace() {
        if seen.insert(w.to_string()) {
            words.push(w.to_string());
        }
    }
    let first_content_rank = 40.min(words.len() / 3);
    let pseudo = match lang {
        Lang::Ru => pseudo_words(
            4_000,
            &[
                "б", "в", "г", "д", "ж", "з", "к", "л", "м", "н", "п", "р", "с", "т", "ф", "х",
                "ц", "ч", "ш", "пр", "ст", "кр", "тр", "зв",
            ],
            &["а", "е", "и", "о", "у", "ы", "я", "ю", "ё"],
            &["", "", "й", "н", "р", "в", "к", "ть", "ск", "ов", "ей"],
            &mut seen,
            21,
        ),
        Lang::Es => pseudo_words(
            4_000,
            &[
                "b", "c", "d", "f", "g", "l", "m", "n", "ñ", "p", "r", "s", "t", "v", "ll", "ch",
                "br", "tr", "pl",
            ],
            &["a", "e", "i", "o", "u", "á", "é", "í", "ó", "ú", "ue", "ia"],
            &["", "", "n", "r", "s", "l", "d", "z"],
            &mut seen,
            31,
        ),
        _ => pseudo_words(
            4_000,
            &[
                "b", "c", "d", "f", "g", "l", "m", "n", "p", "r", "s", "t", "v", "ç", "ch", "gn",
                "br", "tr", "pl", "qu",
            ],
            &[
                "a", "e", "i", "o", "u", "é", "è", "ê", "à", "ou", "eau", "ai", "oi", "ô",
            ],
            &["", "", "n", "r", "s", "l", "t", "x", "ille", "ette"],
            &mut seen,
            41,
        ),
    };
    // Real words first (they are listed roughly by frequency), pseudo-words after.
    words.extend(pseudo);
    let zipf = Zipf::new(words.len(), 1.07);
    Vocab {
        words,
        zipf,
        first_content_rank,
    }
}

// ---------------------------------------------------------------------------
// Stories (what a page says) and pages (how a site wraps it).

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Shape {
    Wire,
    Newspaper,
    Broadcaster,
    Blog,
    Table,
}

const SHAPES: [Shape; 5] = [
    Shape::Wire,
    Shape::Newspaper,
    Shape::Broadcaster,
    Shape::Blog,
    Shape::Table,
];

struct Site {
    name: &'static str,
    slug: &'static str,
    domain: &'static str,
    agency: Option<&'static str>,
}

fn sites(shape: Shape, lang: Lang) -> &'static [Site] {
    const fn s(
        name: &'static str,
        slug: &'static str,
        domain: &'static str,
        agency: Option<&'static str>,
    ) -> Site {
        Site {
            name,
            slug,
            domain,
            agency,
        }
    }
    static EN_WIRE: [Site; 3] = [
        s("Global Wire Service", "gws", "gws-news.test", Some("GWS")),
        s(
            "Continental Press Agency",
            "cpa",
            "cpa-wire.test",
            Some("CPA"),
        ),
        s(
            "Meridian News Wire",
            "meridian",
            "meridian.test",
            Some("MNW"),
        ),
    ];
    static EN_PAPER: [Site; 4] = [
        s(
            "Northern Daily Herald",
            "herald",
            "northern-herald.test",
            None,
        ),
        s("The Morning Ledger", "ledger", "morningledger.test", None),
        s(
            "Harbour City Times",
            "harbourtimes",
            "harbourtimes.test",
            None,
        ),
        s(
            "The Evening Standard-Post",
            "standardpost",
            "standardpost.test",
            None,
        ),
    ];
    static EN_BROADCAST: [Site; 2] = [
        s(
            "Eastern Broadcasting Corporation",
            "ebc",
            "ebc-news.test",
            None,
        ),
        s("Channel Nine News", "ch9", "channel9news.test", None),
    ];
    static EN_BLOG: [Site; 3] = [
        s(
            "The Field Notes blog",
            "fieldnotes",
            "fieldnotes.test",
            None,
        ),
        s(
            "Dispatches from Elsewhere",
            "dispatches",
            "dispatches.test",
            None,
        ),
        s("Slow Road Journal", "slowroad", "slowroad.test", None),
    ];
    static EN_TABLE: [Site; 2] = [
        s(
            "The Prairie Gazette",
            "gazette",
            "prairiegazette.test",
            None,
        ),
        s("Valley Courier", "courier", "valleycourier.test", None),
    ];
    static RU: [Site; 3] = [
        s("Степной вестник", "stepnoy", "stepnoy.test", Some("СВ")),
        s("Новости Приуралья", "priuralye", "priuralye.test", None),
        s(
            "Кавказский обозреватель",
            "kavkaz",
            "kavkaz-obozr.test",
            None,
        ),
    ];
    static ES: [Site; 2] = [
        s(
            "El Diario del Pacífico",
            "diariopacifico",
            "diariopacifico.test",
            Some("EDP"),
        ),
        s("La Voz de la Mañana", "vozmanana", "vozmanana.test", None),
    ];
    static FR: [Site; 2] = [
        s(
            "La Gazette du Quai",
            "gazettequai",
            "gazettequai.test",
            None,
        ),
        s(
            "Le Courrier du Matin",
            "courriermatin",
            "courriermatin.test",
            Some("CM"),
        ),
    ];
    match (lang, shape) {
        (Lang::Ru, _) => &RU,
        (Lang::Es, _) => &ES,
        (Lang::Fr, _) => &FR,
        (Lang::En, Shape::Wire) => &EN_WIRE,
        (Lang::En, Shape::Newspaper) => &EN_PAPER,
        (Lang::En, Shape::Broadcaster) => &EN_BROADCAST,
        (Lang::En, Shape::Blog) => &EN_BLOG,
        (Lang::En, Shape::Table) => &EN_TABLE,
    }
}

/// Interface words of a site, by language.
struct Ui {
    sections: &'static [&'static str],
    cookie: &'static str,
    accept: &'static str,
    manage: &'static str,
    share: &'static [&'static str],
    related: &'static str,
    most_read: &'static str,
    newsletter: &'static str,
    subscribe: &'static str,
    advertisement: &'static str,
    by: &'static str,
    posted_by: &'static str,
    footer: &'static [&'static str],
    rights: &'static str,
    video: &'static [&'static str],
    comments: &'static str,
}

fn ui(lang: Lang) -> &'static Ui {
    static EN: Ui = Ui {
        sections: &[
            "World",
            "Africa",
            "Americas",
            "Asia Pacific",
            "Europe",
            "Middle East",
            "U.S.",
            "U.K.",
            "Business",
            "Markets",
            "Technology",
            "Science",
            "Health",
            "Climate",
            "Sports",
            "Culture",
            "Lifestyle",
            "Travel",
            "Opinion",
            "Photos",
            "Video",
            "Podcasts",
            "Fact Check",
            "Graphics",
            "Obituaries",
            "Weather",
        ],
        cookie: "We use cookies to give you the best possible experience, to personalise content and ads, to provide social media features and to analyse our traffic. By clicking Accept you agree to our use of cookies and similar technologies.",
        accept: "Accept all",
        manage: "Manage preferences",
        share: &[
            "Share",
            "Tweet",
            "Facebook",
            "WhatsApp",
            "Email",
            "Copy link",
            "Print",
        ],
        related: "Related stories",
        most_read: "Most read",
        newsletter: "Get the morning briefing: the day's top stories in your inbox, every weekday.",
        subscribe: "Sign up",
        advertisement: "Advertisement",
        by: "By",
        posted_by: "Posted by",
        footer: &[
            "About us",
            "Contact",
            "Careers",
            "Advertise with us",
            "Terms of use",
            "Privacy policy",
            "Cookie settings",
            "Accessibility",
            "Sitemap",
            "Corrections",
            "RSS feeds",
            "Newsletters",
            "Help",
        ],
        rights: "All rights reserved. This material may not be published, broadcast, rewritten or redistributed.",
        video: &[
            "please wait",
            "No media source currently available",
            "0:00",
            "Embed",
            "Share video",
            "The code has been copied to your clipboard.",
        ],
        comments: "Comments",
    };
    static RU: Ui = Ui {
        sections: &[
            "Главное",
            "Политика",
            "Экономика",
            "Общество",
            "Происшествия",
            "Регионы",
            "В мире",
            "Спорт",
            "Культура",
            "Наука",
            "Здоровье",
            "Авто",
            "Недвижимость",
            "Фото",
            "Видео",
            "Мнения",
            "Погода",
        ],
        cookie: "Мы используем файлы cookie, чтобы сайт работал лучше. Оставаясь на сайте, вы соглашаетесь с условиями их использования.",
        accept: "Принять",
        manage: "Настройки",
        share: &[
            "Поделиться",
            "ВКонтакте",
            "Одноклассники",
            "Telegram",
            "Скопировать ссылку",
        ],
        related: "Читайте также",
        most_read: "Самое читаемое",
        newsletter: "Подпишитесь на нашу рассылку: главные новости дня каждое утро.",
        subscribe: "Подписаться",
        advertisement: "Реклама",
        by: "Автор:",
        posted_by: "Опубликовал",
        footer: &[
            "О проекте",
            "Контакты",
            "Реклама на сайте",
            "Правила использования",
            "Политика конфиденциальности",
            "Карта сайта",
        ],
        rights: "Все права защищены. Использование материалов допускается только со ссылкой на источник.",
        video: &["Загрузка...", "Видео недоступно", "0:00", "Встроить"],
        comments: "Комментарии",
    };
    static ES: Ui = Ui {
        sections: &[
            "Portada",
            "Política",
            "Economía",
            "Sociedad",
            "Internacional",
            "Regiones",
            "Deportes",
            "Cultura",
            "Ciencia",
            "Salud",
            "Tecnología",
            "Opinión",
            "Fotos",
            "Vídeos",
            "Clima",
        ],
        cookie: "Usamos cookies propias y de terceros para mejorar nuestros servicios y mostrarle publicidad relacionada con sus preferencias. Si continúa navegando, consideramos que acepta su uso.",
        accept: "Aceptar",
        manage: "Configurar",
        share: &[
            "Compartir",
            "Tuitear",
            "Facebook",
            "WhatsApp",
            "Correo",
            "Copiar enlace",
        ],
        related: "Noticias relacionadas",
        most_read: "Lo más leído",
        newsletter: "Suscríbete al boletín: las noticias más importantes del día en tu correo.",
        subscribe: "Suscribirse",
        advertisement: "Publicidad",
        by: "Por",
        posted_by: "Publicado por",
        footer: &[
            "Quiénes somos",
            "Contacto",
            "Publicidad",
            "Aviso legal",
            "Política de privacidad",
            "Política de cookies",
            "Mapa del sitio",
        ],
        rights: "Todos los derechos reservados. Prohibida su reproducción total o parcial.",
        video: &["Cargando...", "Vídeo no disponible", "0:00", "Insertar"],
        comments: "Comentarios",
    };
    static FR: Ui = Ui {
        sections: &[
            "À la une",
            "Politique",
            "Économie",
            "Société",
            "International",
            "Régions",
            "Sports",
            "Culture",
            "Sciences",
            "Santé",
            "Technologies",
            "Idées",
            "Photos",
            "Vidéos",
            "Météo",
        ],
        cookie: "Nous utilisons des cookies pour améliorer votre expérience, mesurer l’audience et vous proposer des publicités adaptées à vos centres d’intérêt. En poursuivant votre navigation, vous acceptez leur utilisation.",
        accept: "Accepter",
        manage: "Paramétrer",
        share: &[
            "Partager",
            "Tweeter",
            "Facebook",
            "WhatsApp",
            "E-mail",
            "Copier le lien",
        ],
        related: "À lire aussi",
        most_read: "Les plus lus",
        newsletter: "Inscrivez-vous à notre lettre d’information : l’essentiel de l’actualité chaque matin.",
        subscribe: "S’inscrire",
        advertisement: "Publicité",
        by: "Par",
        posted_by: "Publié par",
        footer: &[
            "Qui sommes-nous",
            "Contact",
            "Publicité",
            "Mentions légales",
            "Politique de confidentialité",
            "Gestion des cookies",
            "Plan du site",
        ],
        rights: "Tous droits réservés. Reproduction interdite sans autorisation.",
        video: &["Chargement...", "Vidéo indisponible", "0:00", "Intégrer"],
        comments: "Commentaires",
    };
    match lang {
        Lang::En => &EN,
        Lang::Ru => &RU,
        Lang::Es => &ES,
        Lang::Fr => &FR,
    }
}

struct Vocabs {
    en: Vocab,
    ru: Vocab,
    es: Vocab,
    fr: Vocab,
    phrases: Zipf,
    cities: Zipf,
}

impl Vocabs {
    fn get(&self, lang: Lang) -> &Vocab {
        match lang {
            Lang::En => &self.en,
            Lang::Ru => &self.ru,
            Lang::Es => &self.es,
            Lang::Fr => &self.fr,
        }
    }
}

/// The story itself, independent of the site that publishes it.
#[derive(Clone)]
struct Story {
    lang: Lang,
    headline: String,
    description: String,
    /// Paragraphs of the body; the dateline is added when rendering.
    paragraphs: Vec<String>,
    city: &'static str,
    area: &'static str,
    authors: Vec<String>,
    published: DateTime<FixedOffset>,
    section: usize,
    slug_words: String,
}

fn cities_for(lang: Lang) -> &'static [(&'static str, &'static str)] {
    match lang {
        Lang::En => CITIES,
        Lang::Ru => RU_CITIES,
        Lang::Es => ES_CITIES,
        Lang::Fr => FR_CITIES,
    }
}

fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

fn sentence(v: &Vocabs, lang: Lang, rng: &mut Rng, city: &str, area: &str) -> String {
    let vocab = v.get(lang);
    let n = rng.range(8, 26);
    let mut words: Vec<String> = Vec::with_capacity(n + 6);
    let phrase_at = if lang == Lang::En && rng.chance(0.12) {
        Some(rng.below(n))
    } else {
        None
    };
    let place_at = if rng.chance(0.15) {
        Some(rng.below(n))
    } else {
        None
    };
    for i in 0..n {
        if Some(i) == phrase_at {
            words.push(EN_PHRASES[v.phrases.sample(rng)].to_string());
        }
        if Some(i) == place_at {
            let cities = cities_for(lang);
            let (c, a) = if rng.chance(0.5) {
                (city, area)
            } else if lang == Lang::En {
                CITIES[v.cities.sample(rng)]
            } else {
                *rng.pick(cities)
            };
            words.push(if rng.chance(0.5) {
                c.to_string()
            } else {
                a.to_string()
            });
        }
        words.push(vocab.word(rng).to_string());
        if i + 1 < n && rng.chance(0.06) {
            let last = words.last_mut().expect("a word");
            last.push(',');
        }
    }
    let mut s = capitalize(&words.join(" "));
    if lang == Lang::En && rng.chance(0.1) {
        let name = format!("{} {}", rng.pick(FIRST_NAMES), rng.pick(LAST_NAMES));
        s = format!("“{s},” said {name}.");
    } else {
        s.push('.');
    }
    s
}

fn make_story(v: &Vocabs, seed: u64, i: u64, lang: Lang) -> Story {
    let mut rng = Rng::new(sub_seed(seed, i, 1));
    let vocab = v.get(lang);
    let (city, area) = if lang == Lang::En {
        CITIES[v.cities.sample(&mut rng)]
    } else {
        *rng.pick(cities_for(lang))
    };
    let mut hw: Vec<String> = (0..rng.range(5, 10))
        .map(|_| vocab.content_word(&mut rng).to_string())
        .collect();
    if rng.chance(0.4) {
        let at = rng.below(hw.len());
        hw.insert(at, city.to_string());
    }
    let headline = capitalize(&hw.join(" "));
    let slug_words = if lang == Lang::En {
        hw.iter()
            .take(6)
            .map(|w| {
                w.to_lowercase()
                    .replace(|c: char| !c.is_ascii_alphanumeric(), "-")
            })
            .collect::<Vec<_>>()
            .join("-")
    } else {
        match lang {
            Lang::Ru => "statya".to_string(),
            Lang::Es => "noticia".to_string(),
            _ => "article".to_string(),
        }
    };
    let target_words = rng.range(300, 900);
    let mut paragraphs = Vec::new();
    let mut count = 0;
    while count < target_words {
        let mut p = String::new();
        for k in 0..rng.range(1, 4) {
            if k > 0 {
                p.push(' ');
            }
            let s = sentence(v, lang, &mut rng, city, area);
            count += s.split(' ').count();
            p.push_str(&s);
        }
        paragraphs.push(p);
    }
    let description = paragraphs[0].split(". ").next().unwrap_or("").to_string();
    let authors = (0..if rng.chance(0.2) { 2 } else { 1 })
        .map(|_| format!("{} {}", rng.pick(FIRST_NAMES), rng.pick(LAST_NAMES)))
        .collect();
    let day0 = NaiveDate::from_ymd_opt(1995, 1, 1).expect("date");
    let days = NaiveDate::from_ymd_opt(2025, 12, 31)
        .expect("date")
        .signed_duration_since(day0)
        .num_days() as usize;
    let day = day0 + chrono::Days::new(rng.below(days + 1) as u64);
    let offset_hours = *rng.pick(&[-5i32, -3, 0, 0, 1, 2, 3, 4, 5, 6, 8, 9]);
    let offset = FixedOffset::east_opt(offset_hours * 3600).expect("offset");
    let naive = day
        .and_hms_opt(rng.range(5, 22) as u32, rng.below(12) as u32 * 5, 0)
        .expect("time");
    let published = offset
        .from_local_datetime(&naive)
        .single()
        .expect("fixed offset");
    Story {
        lang,
        headline,
        description,
        paragraphs,
        city,
        area,
        authors,
        published,
        section: rng.below(12),
        slug_words,
    }
}

/// Small edits for a near-duplicate: a changed word here and there, maybe a dropped
/// last paragraph, maybe an added contributor line, a later time stamp.
fn edit_story(v: &Vocabs, story: &mut Story, rng: &mut Rng) {
    let vocab = v.get(story.lang);
    for _ in 0..rng.range(1, 4) {
        let p = rng.below(story.paragraphs.len());
        let mut words: Vec<String> = story.paragraphs[p].split(' ').map(str::to_string).collect();
        let at = rng.below(words.len());
        if words[at].chars().all(char::is_alphabetic) {
            words[at] = vocab.word(rng).to_string();
        }
        story.paragraphs[p] = words.join(" ");
    }
    if story.paragraphs.len() > 4 && rng.chance(0.5) {
        story.paragraphs.pop();
    }
    if rng.chance(0.5) {
        story.paragraphs.push(format!(
            "Additional reporting by {} {}.",
            rng.pick(FIRST_NAMES),
            rng.pick(LAST_NAMES)
        ));
    }
    if rng.chance(0.3) {
        story.headline = format!("UPDATE: {}", story.headline);
    }
    story.published += chrono::Duration::minutes(rng.range(20, 36 * 60) as i64);
}

// ---------------------------------------------------------------------------
// Rendering.

fn esc(s: &str) -> String {
    let mut o = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '"' => o.push_str("&quot;"),
            _ => o.push(c),
        }
    }
    o
}

fn json(s: &str) -> String {
    let mut o = String::with_capacity(s.len() + 2);
    o.push('"');
    for c in s.chars() {
        match c {
            '"' => o.push_str("\\\""),
            '\\' => o.push_str("\\\\"),
            '<' => o.push_str("\\u003c"),
            c if (c as u32) < 0x20 => {
                let _ = write!(o, "\\u{:04x}", c as u32);
            }
            _ => o.push(c),
        }
    }
    o.push('"');
    o
}

fn hex(rng: &mut Rng, n: usize) -> String {
    let mut s = String::with_capacity(n);
    while s.len() < n {
        let _ = write!(s, "{:016x}", rng.next_u64());
    }
    s.truncate(n);
    s
}

fn dateline_text(story: &Story, shape: Shape, site: &Site, rng: &mut Rng) -> Option<String> {
    if shape == Shape::Blog {
        return None;
    }
    let city = story.city.to_uppercase();
    let dash = match shape {
        Shape::Broadcaster | Shape::Table => "--",
        _ => "—",
    };
    let with_area = match story.lang {
        Lang::En => story.area != story.city && rng.chance(0.85),
        _ => rng.chance(0.4),
    };
    let mut d = city;
    if with_area {
        d.push_str(", ");
        d.push_str(story.area);
    }
    if let (Some(agency), Shape::Wire) = (site.agency, shape) {
        let _ = write!(d, " ({agency})");
    }
    let _ = write!(d, " {dash} ");
    Some(d)
}

fn nav(out: &mut String, u: &Ui, rng: &mut Rng, class: &str) {
    let n = rng.range(12.min(u.sections.len()), u.sections.len());
    let _ = writeln!(out, "<nav class=\"{class}\" aria-label=\"Sections\"><ul>");
    for s in &u.sections[..n] {
        let href = s.to_lowercase().replace(' ', "-");
        let _ = writeln!(
            out,
            "  <li><a href=\"/{}/\">{}</a></li>",
            esc(&href),
            esc(s)
        );
    }
    out.push_str("</ul></nav>\n");
}

fn cookie_banner(out: &mut String, u: &Ui) {
    let _ = writeln!(
        out,
        "<div id=\"cookie-consent\" class=\"cookie-banner\" role=\"dialog\" aria-label=\"Cookie consent\">\n  <p>{}</p>\n  <button class=\"cc-accept\">{}</button> <button class=\"cc-manage\">{}</button>\n</div>",
        esc(u.cookie),
        esc(u.accept),
        esc(u.manage)
    );
}

fn share_bar(out: &mut String, u: &Ui, url: &str) {
    out.push_str("<div class=\"share-bar\" aria-label=\"Share this article\">");
    for (k, s) in u.share.iter().enumerate() {
        let _ = write!(
            out,
            "<a class=\"share-{k}\" href=\"https://share.test/?u={}\" rel=\"nofollow\">{}</a> ",
            esc(url),
            esc(s)
        );
    }
    out.push_str("</div>\n");
}

fn ad_slot(out: &mut String, u: &Ui, rng: &mut Rng) {
    let _ = writeln!(
        out,
        "<div class=\"ad-slot\" data-slot=\"{}\"><span class=\"ad-label\">{}</span><div id=\"ad-{}\"></div></div>",
        hex(rng, 8),
        esc(u.advertisement),
        hex(rng, 6)
    );
}

fn related(out: &mut String, u: &Ui, v: &Vocabs, lang: Lang, rng: &mut Rng, class: &str) {
    let vocab = v.get(lang);
    let _ = writeln!(
        out,
        "<aside class=\"{class}\"><h2>{}</h2><ul>",
        esc(u.related)
    );
    for _ in 0..rng.range(4, 7) {
        let words: Vec<&str> = (0..rng.range(5, 9))
            .map(|_| vocab.content_word(rng))
            .collect();
        let _ = writeln!(
            out,
            "  <li><a href=\"/story/{}\">{}</a></li>",
            hex(rng, 10),
            esc(&capitalize(&words.join(" ")))
        );
    }
    out.push_str("</ul></aside>\n");
}

fn newsletter(out: &mut String, u: &Ui) {
    let _ = writeln!(
        out,
        "<div class=\"newsletter-box\"><p>{}</p><form action=\"/subscribe\"><input type=\"email\" placeholder=\"you@example.test\"><button>{}</button></form></div>",
        esc(u.newsletter),
        esc(u.subscribe)
    );
}

fn footer(out: &mut String, u: &Ui, site: &Site, year: i32) {
    out.push_str("<footer class=\"site-footer\"><ul>");
    for f in u.footer {
        let _ = write!(
            out,
            "<li><a href=\"/{}\">{}</a></li>",
            esc(&f.to_lowercase().replace(' ', "-")),
            esc(f)
        );
    }
    let _ = writeln!(
        out,
        "</ul>\n<p class=\"copyright\">© {year} {}. {}</p></footer>",
        esc(site.name),
        esc(u.rights)
    );
}

fn style(out: &mut String, rng: &mut Rng) {
    out.push_str("<style>\n");
    let classes = [
        "header",
        "nav",
        "story",
        "byline",
        "share-bar",
        "ad-slot",
        "related",
        "footer",
        "newsletter-box",
        "cookie-banner",
        "video-player",
        "sidebar",
        "comments",
    ];
    for c in classes.iter().take(rng.range(6, classes.len())) {
        let _ = writeln!(
            out,
            ".{c}{{margin:{}px {}px;padding:{}px;font:{}px/1.{} Georgia,serif;color:#{}}}",
            rng.below(24),
            rng.below(24),
            rng.below(16),
            12 + rng.below(8),
            3 + rng.below(5),
            hex(rng, 6)
        );
    }
    out.push_str("@media (max-width:640px){.sidebar{display:none}.story{padding:8px}}\n</style>\n");
}

/// Analytics and ad configuration blobs: the bulk of a real page's bytes.
fn scripts(out: &mut String, rng: &mut Rng, section: &str, slug: &str) {
    let _ = writeln!(
        out,
        "<script async src=\"https://tags.test/gtm.js?id=GTM-{}\"></script>\n<script>\n  window.dataLayer = window.dataLayer || [];\n  function trackPageView(section, slug) {{\n    var payload = {{ event: \"pageview\", section: section, slug: slug, ts: Date.now() }};\n    window.dataLayer.push(payload);\n    if (navigator.sendBeacon) {{ navigator.sendBeacon(\"/collect\", JSON.stringify(payload)); }}\n  }}\n  trackPageView({}, {});\n</script>",
        hex(rng, 7).to_uppercase(),
        json(section),
        json(slug)
    );
    out.push_str("<script>\nwindow.__AD_CONFIG__ = {\"network\":\"");
    out.push_str(&hex(rng, 8));
    out.push_str("\",\"slots\":[");
    for k in 0..rng.range(4, 40) {
        if k > 0 {
            out.push(',');
        }
        let _ = write!(
            out,
            "{{\"id\":\"slot-{}\",\"sizes\":[[300,250],[728,90],[320,50]],\"targeting\":{{\"pos\":\"{}\",\"sec\":{},\"rnd\":\"{}\"}},\"lazy\":{}}}",
            hex(rng, 6),
            k,
            json(section),
            hex(rng, 12),
            rng.chance(0.5)
        );
    }
    out.push_str("]};\n(function(){var s=document.createElement('script');s.src='https://ads.test/loader.js';s.async=true;document.head.appendChild(s);})();\n</script>\n");
}

fn paragraphs_html(out: &mut String, story: &Story, dateline: Option<&str>, tag: &str) {
    for (k, p) in story.paragraphs.iter().enumerate() {
        let text = if k == 0 {
            format!("{}{}", dateline.unwrap_or(""), p)
        } else {
            p.clone()
        };
        let _ = writeln!(out, "<{tag}>{}</{tag}>", esc(&text));
    }
}

fn page_url(site: &Site, story: &Story, slug: &str) -> String {
    format!(
        "https://{}/{}/{}/{}",
        site.domain,
        story.published.format("%Y/%m/%d"),
        story.section,
        slug
    )
}

fn authors_text(u: &Ui, authors: &[String], lang: Lang) -> String {
    let and = match lang {
        Lang::En => " and ",
        Lang::Ru => " и ",
        Lang::Es => " y ",
        Lang::Fr => " et ",
    };
    format!("{} {}", u.by, authors.join(and))
}

struct Rendered {
    html: String,
    ext: &'static str,
    cp1251: bool,
}

fn render(
    v: &Vocabs,
    story: &Story,
    shape: Shape,
    site: &Site,
    slug: &str,
    rng: &mut Rng,
) -> Rendered {
    let u = ui(story.lang);
    let lang = story.lang;
    let section = u.sections[story.section % u.sections.len()];
    let url = page_url(site, story, slug);
    let date = story.published.to_rfc3339();
    let dl = dateline_text(story, shape, site, rng);
    let cp1251 = lang == Lang::Ru && rng.chance(0.5);
    let charset = if cp1251 { "windows-1251" } else { "utf-8" };
    let lang_attr = match lang {
        Lang::En if shape == Shape::Newspaper => "en-GB",
        Lang::En if shape == Shape::Table => "en-US",
        l => l.code(),
    };
    let title = format!("{} | {}", story.headline, site.name);
    let mut o = String::with_capacity(24 * 1024);
    let ext;

    match shape {
        Shape::Table => {
            ext = if rng.chance(0.3) {
                "htm"
            } else if rng.chance(0.15) {
                "shtml"
            } else {
                "html"
            };
            let _ = writeln!(
                o,
                "<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 4.01 Transitional//EN\">\n<html lang=\"{lang_attr}\">\n<head>\n<meta http-equiv=\"Content-Type\" content=\"text/html; charset={charset}\">\n<title>{} - {}</title>\n<meta name=\"date\" content=\"{}\">\n<meta name=\"author\" content=\"{}\">\n<meta name=\"keywords\" content=\"{}, {}, {}\">",
                esc(&story.headline),
                esc(site.name),
                story.published.format("%Y-%m-%d"),
                esc(&story.authors.join(", ")),
                esc(story.city),
                esc(story.area),
                esc(section)
            );
            style(&mut o, rng);
            scripts(&mut o, rng, section, slug);
            let _ = writeln!(
                o,
                "</head>\n<body bgcolor=\"#ffffff\" leftmargin=\"0\" topmargin=\"0\">\n<table width=\"100%\" border=\"0\" cellpadding=\"0\" cellspacing=\"0\"><tr><td colspan=\"3\" bgcolor=\"#003366\"><font face=\"Arial\" size=\"5\" color=\"#ffffff\"><b>{}</b></font></td></tr>\n<tr><td width=\"160\" valign=\"top\" bgcolor=\"#eeeeee\">",
                esc(site.name)
            );
            for s in &u.sections[..u.sections.len().min(14)] {
                let _ = writeln!(
                    o,
                    "<font face=\"Arial\" size=\"2\"><a href=\"/{}.shtml\">{}</a></font><br>",
                    esc(&s.to_lowercase().replace(' ', "")),
                    esc(s)
                );
            }
            ad_slot(&mut o, u, rng);
            let _ = writeln!(
                o,
                "</td>\n<td valign=\"top\" width=\"480\">\n<font face=\"Times New Roman\" size=\"5\"><b>{}</b></font><br>\n<font face=\"Arial\" size=\"2\">{} | {}</font><br><br>\n<font face=\"Times New Roman\" size=\"3\">",
                esc(&story.headline),
                esc(&authors_text(u, &story.authors, lang)),
                story.published.format("%B %-d, %Y")
            );
            paragraphs_html(&mut o, story, dl.as_deref(), "p");
            o.push_str("</font>\n");
            let _ = writeln!(
                o,
                "<p><font face=\"Arial\" size=\"2\"><a href=\"mailto:?subject={}\">{}</a> | <a href=\"javascript:window.print()\">Print</a></font></p>",
                esc(slug),
                esc(u.share[u.share.len() - 2])
            );
            o.push_str("</td>\n<td width=\"160\" valign=\"top\">\n");
            related(&mut o, u, v, lang, rng, "related");
            o.push_str("</td></tr>\n<tr><td colspan=\"3\">\n");
            footer(
                &mut o,
                u,
                site,
                story
                    .published
                    .format("%Y")
                    .to_string()
                    .parse()
                    .unwrap_or(2000),
            );
            o.push_str("</td></tr></table>\n</body>\n</html>\n");
        }
        _ => {
            ext = "html";
            let _ = writeln!(
                o,
                "<!DOCTYPE html>\n<html lang=\"{lang_attr}\">\n<head>\n<meta charset=\"{charset}\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n<link rel=\"canonical\" href=\"{}\">\n<meta name=\"description\" content=\"{}\">",
                esc(&title),
                esc(&url),
                esc(&story.description)
            );
            match shape {
                Shape::Wire => {
                    let authors: Vec<String> = story
                        .authors
                        .iter()
                        .map(|a| format!("{{\"@type\":\"Person\",\"name\":{}}}", json(a)))
                        .collect();
                    let _ = writeln!(
                        o,
                        "<meta property=\"og:site_name\" content=\"{}\">\n<meta property=\"og:title\" content=\"{}\">\n<script type=\"application/ld+json\">\n{{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\",\"headline\":{},\"description\":{},\"datePublished\":{},\"dateModified\":{},\"author\":[{}],\"publisher\":{{\"@type\":\"Organization\",\"name\":{}}},\"mainEntityOfPage\":{}}}\n</script>",
                        esc(site.name),
                        esc(&story.headline),
                        json(&story.headline),
                        json(&story.description),
                        json(&date),
                        json(
                            &(story.published
                                + chrono::Duration::minutes(rng.range(5, 300) as i64))
                            .to_rfc3339()
                        ),
                        authors.join(","),
                        json(site.name),
                        json(&url)
                    );
                }
                Shape::Newspaper | Shape::Broadcaster => {
                    let _ = writeln!(
                        o,
                        "<meta property=\"og:type\" content=\"article\">\n<meta property=\"og:site_name\" content=\"{}\">\n<meta property=\"og:title\" content=\"{}\">\n<meta property=\"og:url\" content=\"{}\">\n<meta property=\"og:image\" content=\"https://{}/img/{}.jpg\">\n<meta property=\"article:published_time\" content=\"{}\">\n<meta property=\"article:section\" content=\"{}\">",
                        esc(site.name),
                        esc(&story.headline),
                        esc(&url),
                        site.domain,
                        hex(rng, 12),
                        date,
                        esc(section)
                    );
                    for a in &story.authors {
                        let _ = writeln!(
                            o,
                            "<meta property=\"article:author\" content=\"{}\">",
                            esc(a)
                        );
                    }
                }
                _ => {}
            }
            style(&mut o, rng);
            scripts(&mut o, rng, section, slug);
            o.push_str("</head>\n<body>\n");
            if shape != Shape::Blog {
                cookie_banner(&mut o, u);
            }
            let _ = writeln!(
                o,
                "<a class=\"skip-link\" href=\"#main\">Skip to main content</a>\n<header class=\"header\"><div class=\"logo\"><a href=\"/\">{}</a></div>",
                esc(site.name)
            );
            nav(&mut o, u, rng, "nav");
            o.push_str("<div class=\"tools\"><a href=\"/login\">Sign in</a> <a href=\"/subscribe\">Subscribe</a> <a href=\"/search\">Search</a></div></header>\n");
            if shape != Shape::Blog {
                ad_slot(&mut o, u, rng);
            }
            o.push_str("<main id=\"main\">\n");
            match shape {
                Shape::Blog => {
                    let _ = writeln!(
                        o,
                        "<div class=\"post\">\n<h1 class=\"entry-title\">{}</h1>\n<div class=\"post-meta\">{} <span class=\"author\">{}</span> · <time datetime=\"{}\">{}</time></div>\n<div class=\"post-entry\">",
                        esc(&story.headline),
                        esc(u.posted_by),
                        esc(&story.authors[0]),
                        date,
                        story.published.format("%B %-d, %Y")
                    );
                    paragraphs_html(&mut o, story, None, "p");
                    o.push_str("</div>\n");
                    share_bar(&mut o, u, &url);
                    let _ = writeln!(o, "<div class=\"comments\"><h3>{}</h3>", esc(u.comments));
                    for _ in 0..rng.range(0, 4) {
                        let vocab = v.get(lang);
                        let words: Vec<&str> =
                            (0..rng.range(6, 20)).map(|_| vocab.word(rng)).collect();
                        let _ = writeln!(
                            o,
                            "<div class=\"comment\"><b>{} {}</b> <span class=\"when\">{}</span><p>{}</p></div>",
                            esc(rng.pick::<&str>(FIRST_NAMES)),
                            esc(rng.pick::<&str>(LAST_NAMES)),
                            (story.published + chrono::Duration::days(rng.range(1, 5) as i64))
                                .format("%B %-d, %Y"),
                            esc(&capitalize(&words.join(" ")))
                        );
                    }
                    o.push_str("<h3>Leave a Reply</h3><form><textarea></textarea><button>Post Comment</button></form></div>\n</div>\n");
                    o.push_str("<div class=\"sidebar\"><div class=\"widget\"><h4>About me</h4><p>Notes from the road, written slowly.</p></div>\n");
                    related(&mut o, u, v, lang, rng, "widget recent-posts");
                    o.push_str("<div class=\"widget\"><h4>Archives</h4><ul>");
                    for y in (story
                        .published
                        .format("%Y")
                        .to_string()
                        .parse::<i32>()
                        .unwrap_or(2000)
                        - 3)
                        ..=story
                            .published
                            .format("%Y")
                            .to_string()
                            .parse::<i32>()
                            .unwrap_or(2000)
                    {
                        let _ = write!(o, "<li><a href=\"/{y}/\">{y}</a></li>");
                    }
                    o.push_str("</ul></div><p>Powered by WordPress</p></div>\n");
                }
                _ => {
                    let _ = writeln!(
                        o,
                        "<article class=\"story\">\n<header><p class=\"kicker\"><a href=\"/{}/\">{}</a></p><h1>{}</h1>\n<p class=\"standfirst\">{}</p>\n<div class=\"byline\"><span class=\"author\">{}</span> <time datetime=\"{}\">{}</time></div></header>",
                        esc(&section.to_lowercase()),
                        esc(section),
                        esc(&story.headline),
                        esc(&story.description),
                        esc(&authors_text(u, &story.authors, lang)),
                        date,
                        story.published.format("%-d %B %Y, %H:%M")
                    );
                    share_bar(&mut o, u, &url);
                    if shape == Shape::Broadcaster {
                        o.push_str("<div class=\"video-player\" data-id=\"");
                        o.push_str(&hex(rng, 10));
                        o.push_str("\">");
                        for s in u.video {
                            let _ = write!(o, "<span>{}</span> ", esc(s));
                        }
                        o.push_str("</div>\n");
                    }
                    if rng.chance(0.5) {
                        let _ = writeln!(
                            o,
                            "<figure><img src=\"https://{}/img/{}.jpg\" alt=\"\"><figcaption>{} {}</figcaption></figure>",
                            site.domain,
                            hex(rng, 12),
                            esc(story.city),
                            esc(&capitalize(
                                &(0..rng.range(6, 12))
                                    .map(|_| v.get(lang).word(rng))
                                    .collect::<Vec<_>>()
                                    .join(" ")
                            ))
                        );
                    }
                    o.push_str("<div class=\"story-body\">\n");
                    let half = story.paragraphs.len() / 2;
                    let (first, second) = story.paragraphs.split_at(half.max(1));
                    let mut part = story.clone();
                    part.paragraphs = first.to_vec();
                    paragraphs_html(&mut o, &part, dl.as_deref(), "p");
                    ad_slot(&mut o, u, rng);
                    part.paragraphs = second.to_vec();
                    paragraphs_html(&mut o, &part, None, "p");
                    o.push_str("</div>\n");
                    share_bar(&mut o, u, &url);
                    o.push_str("</article>\n");
                    related(&mut o, u, v, lang, rng, "related");
                    newsletter(&mut o, u);
                    let _ = write!(
                        o,
                        "<aside class=\"most-read\"><h2>{}</h2><ol>",
                        esc(u.most_read)
                    );
                    for _ in 0..5 {
                        let words: Vec<&str> = (0..rng.range(5, 9))
                            .map(|_| v.get(lang).content_word(rng))
                            .collect();
                        let _ = write!(
                            o,
                            "<li><a href=\"/story/{}\">{}</a></li>",
                            hex(rng, 10),
                            esc(&capitalize(&words.join(" ")))
                        );
                    }
                    o.push_str("</ol></aside>\n");
                }
            }
            o.push_str("</main>\n");
            footer(
                &mut o,
                u,
                site,
                story
                    .published
                    .format("%Y")
                    .to_string()
                    .parse()
                    .unwrap_or(2000),
            );
            o.push_str("</body>\n</html>\n");
        }
    }
    Rendered {
        html: o,
        ext,
        cp1251,
    }
}

// ---------------------------------------------------------------------------
// Page plans: which language, shape and site; whether a near-duplicate.

struct Plan {
    lang: Lang,
    shape: Shape,
    /// For a near-duplicate, the page whose story it repeats.
    origin: Option<u64>,
}

fn plan(seed: u64, i: u64) -> Plan {
    let mut rng = Rng::new(sub_seed(seed, i, 2));
    let origin = if i > 10 && rng.chance(0.03) {
        let back = 1 + rng.below(i.min(5_000) as usize) as u64;
        Some(i - back)
    } else {
        None
    };
    let x = rng.unit();
    let lang = if x < 0.03 {
        Lang::Ru
    } else if x < 0.055 {
        Lang::Es
    } else if x < 0.08 {
        Lang::Fr
    } else {
        Lang::En
    };
    let shape = *rng.pick(&SHAPES);
    Plan {
        lang,
        shape,
        origin,
    }
}

/// The page whose story `i` tells (itself unless a near-duplicate), and its plan.
fn root(seed: u64, mut i: u64) -> (u64, Plan) {
    loop {
        let p = plan(seed, i);
        match p.origin {
            Some(o) => i = o,
            None => return (i, p),
        }
    }
}

fn usage() -> ! {
    eprintln!("usage: gen_corpus --articles N --out DIR [--seed S]");
    std::process::exit(2);
}

fn main() {
    let mut articles: Option<u64> = None;
    let mut out: Option<PathBuf> = None;
    let mut seed: u64 = 42;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut value = || args.next().unwrap_or_else(|| usage());
        match a.as_str() {
            "--articles" | "-n" => articles = value().parse().ok().or_else(|| usage()),
            "--out" | "-o" => out = Some(PathBuf::from(value())),
            "--seed" => seed = value().parse().unwrap_or_else(|_| usage()),
            "-h" | "--help" => {
                println!("usage: gen_corpus --articles N --out DIR [--seed S]");
                return;
            }
            _ => usage(),
        }
    }
    let (Some(articles), Some(out)) = (articles, out) else {
        usage()
    };
    let started = Instant::now();
    let vocabs = Vocabs {
        en: english_vocab(),
        ru: small_vocab(RU_WORDS, Lang::Ru),
        es: small_vocab(ES_WORDS, Lang::Es),
        fr: small_vocab(FR_WORDS, Lang::Fr),
        phrases: Zipf::new(EN_PHRASES.len(), 1.0),
        cities: Zipf::new(CITIES.len(), 0.7),
    };
    let mut made_dirs: HashSet<PathBuf> = HashSet::new();
    let mut slugs: HashMap<String, u32> = HashMap::new();
    let mut total_bytes: u64 = 0;
    let mut dups = 0u64;
    let mut foreign = 0u64;
    for i in 0..articles {
        let here = plan(seed, i);
        let mut rng = Rng::new(sub_seed(seed, i, 3));
        let (story, shape) = match here.origin {
            None => (make_story(&vocabs, seed, i, here.lang), here.shape),
            Some(_) => {
                let (j, origin_plan) = root(seed, i);
                let mut story = make_story(&vocabs, seed, j, origin_plan.lang);
                edit_story(&vocabs, &mut story, &mut rng);
                let others: Vec<Shape> = SHAPES
                    .iter()
                    .copied()
                    .filter(|s| *s != origin_plan.shape)
                    .collect();
                dups += 1;
                (story, *rng.pick(&others))
            }
        };
        if story.lang != Lang::En {
            foreign += 1;
        }
        let site = rng.pick(sites(shape, story.lang));
        let base = format!("{}-{}", story.slug_words, i);
        let n = slugs.entry(base.clone()).or_insert(0);
        *n += 1;
        let slug = if *n > 1 { format!("{base}-{n}") } else { base };
        let rendered = render(&vocabs, &story, shape, site, &slug, &mut rng);
        let dir = out
            .join(site.slug)
            .join(story.published.format("%Y").to_string())
            .join(story.published.format("%m").to_string());
        if !made_dirs.contains(&dir) {
            std::fs::create_dir_all(&dir).unwrap_or_else(|e| {
                eprintln!("gen_corpus: cannot create {}: {e}", dir.display());
                std::process::exit(1)
            });
            made_dirs.insert(dir.clone());
        }
        let path = dir.join(format!("{slug}.{}", rendered.ext));
        let bytes: Vec<u8> = if rendered.cp1251 {
            encoding_rs::WINDOWS_1251
                .encode(&rendered.html)
                .0
                .into_owned()
        } else {
            rendered.html.into_bytes()
        };
        total_bytes += bytes.len() as u64;
        let mtime = SystemTime::UNIX_EPOCH
            + Duration::from_secs(
                story.published.timestamp().max(0) as u64 + 60 * rng.range(1, 90) as u64,
            );
        write_page(&path, &bytes, mtime);
    }
    let secs = started.elapsed().as_secs_f64();
    println!(
        "wrote {articles} pages ({foreign} not in English, {dups} near-duplicates), {:.1} MB in {:.1} s into {}",
        total_bytes as f64 / 1e6,
        secs,
        out.display()
    );
}

fn write_page(path: &Path, bytes: &[u8], mtime: SystemTime) {
    let result = File::create(path).and_then(|mut f| {
        f.write_all(bytes)?;
        f.set_modified(mtime)
    });
    if let Err(e) = result {
        eprintln!("gen_corpus: cannot write {}: {e}", path.display());
        std::process::exit(1);
    }
}
