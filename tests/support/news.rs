//! A seeded generator of news coverage, for scale tests and benchmarks: `events` invented
//! events (a place, an organisation, three speakers, five statements each), about ten articles
//! per event, each quoting some statements of its event exactly, shortened, with a changed
//! number or with a word swapped, in the common attribution shapes. The same seed and size
//! give the same bytes. Names are made of syllables, so no real person or place appears.

/// A small deterministic generator (xorshift64*).
pub struct Rng(u64);

impl Rng {
    /// A generator for `seed`.
    pub fn new(seed: u64) -> Self {
        Self(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number below `n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items.get(self.below(items.len())).copied().unwrap_or("")
    }
}

const SYLLABLES: [&str; 24] = [
    "kar", "vel", "dor", "mi", "sta", "lun", "bre", "tho", "gan", "sil", "ro", "fen", "ul", "mar",
    "tis", "ke", "wen", "dal", "po", "rin", "ash", "vo", "nel", "qua",
];
const SUBJECTS: [&str; 6] = [
    "We",
    "The council",
    "Our engineers",
    "The agency",
    "Families",
    "Nobody",
];
const MODALS: [&str; 6] = ["will", "cannot", "must", "plan to", "will not", "hope to"];
const VERBS: [&str; 10] = [
    "repair", "close", "reopen", "inspect", "fund", "rebuild", "protect", "replace", "extend",
    "cancel",
];
const OBJECTS: [&str; 10] = [
    "the old bridge",
    "the water plant",
    "every school roof",
    "the harbour wall",
    "the night buses",
    "the flood barrier",
    "the clinic",
    "the power line",
    "the ferry pier",
    "the market hall",
];
const TIMES: [&str; 6] = [
    "by the end of the month",
    "before the winter",
    "within six weeks",
    "next spring",
    "from Monday",
    "this year",
];
const SWAPS: [(&str, &str); 4] = [
    ("repair", "fix"),
    ("close", "shut"),
    ("every", "each"),
    ("old", "ageing"),
];

fn name(rng: &mut Rng, syllables: usize) -> String {
    let mut out = String::new();
    for _ in 0..syllables {
        out.push_str(rng.pick(&SYLLABLES));
    }
    let mut chars = out.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().collect::<String>() + chars.as_str())
        .unwrap_or_default()
}

/// One invented event.
struct Event {
    place: String,
    organisation: String,
    speakers: Vec<String>,
    /// Each statement with the speaker who made it.
    statements: Vec<(usize, String)>,
}

fn event(rng: &mut Rng) -> Event {
    let place = name(rng, 3);
    let organisation = format!("{place} {} Board", name(rng, 2));
    let speakers: Vec<String> = (0..3)
        .map(|_| format!("{} {}", name(rng, 2), name(rng, 3)))
        .collect();
    let statements = (0..5)
        .map(|_| {
            let number = 10 + rng.below(990);
            let text = format!(
                "{} {} {} {} in {place} {}, and it will cost {number} million crowns",
                rng.pick(&SUBJECTS),
                rng.pick(&MODALS),
                rng.pick(&VERBS),
                rng.pick(&OBJECTS),
                rng.pick(&TIMES),
            );
            (rng.below(3), text)
        })
        .collect();
    Event {
        place,
        organisation,
        speakers,
        statements,
    }
}

/// A version of `text` as one outlet prints it.
fn variant(rng: &mut Rng, text: &str) -> String {
    match rng.below(5) {
        0 => text.split(", and").next().unwrap_or(text).to_string(),
        1 => {
            let (from, to) = SWAPS[rng.below(SWAPS.len())];
            text.replacen(from, to, 1)
        }
        2 => text.replacen(" million", "0 million", 1),
        _ => text.to_string(),
    }
}

fn article(rng: &mut Rng, ev: &Event, outlet: usize) -> String {
    let mut paragraphs = vec![
        format!("{} faces questions over {}", ev.place, rng.pick(&OBJECTS)),
        format!(
            "Officials in {} met on Tuesday, the {} said, as residents asked for answers.",
            ev.place, ev.organisation
        ),
    ];
    let quoted = 2 + rng.below(3);
    for k in 0..quoted {
        let (speaker, text) = &ev.statements[(outlet + k * 2) % ev.statements.len()];
        let who = &ev.speakers[*speaker];
        let said = variant(rng, text);
        paragraphs.push(match rng.below(3) {
            0 => format!("“{said},” {who} said."),
            1 => format!("{who} told reporters: “{said}.”"),
            _ => format!("“{said},” said {who}, who spoke in {}.", ev.place),
        });
        paragraphs.push(format!(
            "The {} has promised a report on the work in {}.",
            ev.organisation, ev.place
        ));
    }
    paragraphs.join("\n\n") + "\n"
}

/// `articles` generated articles as `(file name, text)`, about `articles / 10` events.
pub fn coverage(articles: usize, seed: u64) -> Vec<(String, String)> {
    let mut rng = Rng::new(seed);
    let events: Vec<Event> = (0..articles.div_ceil(10).max(1))
        .map(|_| event(&mut rng))
        .collect();
    (0..articles)
        .map(|i| {
            let ev = &events[i % events.len()];
            (
                format!("art_{i:06}.txt"),
                article(&mut rng, ev, i / events.len()),
            )
        })
        .collect()
}
