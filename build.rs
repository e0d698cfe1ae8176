//! Turns the committed gazetteer (data/gazetteer.tsv.gz, made by tools/build-gazetteer
//! from GeoNames) into zero-copy tables embedded in the binary, so loading the gazetteer
//! costs nothing at query time:
//! - places.bin: fixed 32-byte records (see src/places/gazetteer.rs; a city's district in
//!   the last two bytes, 1 + its place after `FIRST_DISTRICT` of layout.rs), the continents of
//!   data/continents.tsv (tools/build-continents) after the gazetteer's places;
//! - strings.bin: display names the records point into;
//! - names.fst: normalized name -> (offset << 16 | count) into postings.bin;
//! - postings.bin: u32 record indices, most populous first.
//!
//! It also links the `dateline` binary as a position-dependent executable on Linux: a PIE
//! of this size applies about 48,000 relocations at every start, which made each
//! `dateline query` process 1.3 ms slower (`--version` 3.2 ms against 1.8 ms, see
//! bench/README.md). The library and tests are unchanged.

use std::collections::{BTreeMap, HashMap};
use std::io::{BufRead, BufReader, Write};
use std::path::PathBuf;

#[path = "src/places/normalize.rs"]
mod normalize;

const RECORD: usize = 32;

fn main() {
    let target_os = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    let target_env = std::env::var("CARGO_CFG_TARGET_ENV").unwrap_or_default();
    if target_os == "linux" && target_env == "gnu" {
        println!("cargo:rustc-link-arg-bins=-no-pie");
    }
    let source = "data/gazetteer.tsv.gz";
    println!("cargo:rerun-if-changed={source}");
    let continents_source = "data/continents.tsv";
    println!("cargo:rerun-if-changed={continents_source}");
    println!("cargo:rerun-if-changed=src/places/normalize.rs");
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    extractor_fingerprint();

    let file = std::fs::File::open(source)
        .unwrap_or_else(|e| panic!("{source}: {e} (run tools/build-gazetteer)"));
    let reader = BufReader::new(flate2::read::GzDecoder::new(file));
    struct Row {
        id: u32,
        kind: u8,
        /// 1 + the continent's line in data/continents.tsv, for a continent and the
        /// countries on it; 0 if none.
        continent: u8,
        name: String,
        cc: [u8; 2],
        region: Option<u32>,
        lat: f32,
        lon: f32,
        pop: u32,
        names: Vec<String>,
        /// For a city, the id of its district (second-level division), if known.
        district: Option<u32>,
    }
    let mut rows = Vec::new();
    for line in reader.lines() {
        let line = line.expect("gazetteer is UTF-8");
        if line.starts_with('#') || line.is_empty() {
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        assert!(f.len() >= 9, "bad gazetteer line: {line}");
        let kind = match f[1] {
            "country" => 0,
            "region" => 1,
            "district" => 4,
            _ => 2,
        };
        let cc = f[3].as_bytes();
        rows.push(Row {
            id: f[0].parse().expect("numeric id"),
            kind,
            continent: 0,
            name: f[2].to_string(),
            cc: [*cc.first().unwrap_or(&b'?'), *cc.get(1).unwrap_or(&b'?')],
            region: f[4].parse().ok(),
            lat: f[5].parse().unwrap_or(0.0),
            lon: f[6].parse().unwrap_or(0.0),
            pop: f[7].parse().unwrap_or(0),
            names: f[8].split('|').map(str::to_string).collect(),
            district: f.get(9).and_then(|d| d.parse().ok()),
        });
    }
    let continents = std::fs::read_to_string(continents_source)
        .unwrap_or_else(|e| panic!("{continents_source}: {e} (run tools/build-continents)"));
    for (n, line) in continents
        .lines()
        .filter(|l| !l.starts_with('#'))
        .enumerate()
    {
        let f: Vec<&str> = line.split('\t').collect();
        assert!(f.len() >= 8, "bad continent line: {line}");
        let number = u8::try_from(n + 1).expect("a few continents");
        for country in rows.iter_mut().filter(|r| r.kind == 0) {
            if f[7].split(',').any(|cc| cc.as_bytes() == country.cc) {
                country.continent = number;
            }
        }
        rows.push(Row {
            id: f[0].parse().expect("numeric id"),
            kind: 3,
            continent: number,
            name: f[2].to_string(),
            cc: *b"  ",
            region: None,
            lat: f[3].parse().unwrap_or(0.0),
            lon: f[4].parse().unwrap_or(0.0),
            pop: f[5].parse().unwrap_or(0),
            names: f[6].split('|').map(str::to_string).collect(),
            district: None,
        });
    }
    // The gazetteer gives regions no population; the sum of their cities' (5,000 people or
    // more) lets "California" the state outweigh California, Maryland.
    let mut region_population: HashMap<u32, u64> = HashMap::new();
    for r in rows.iter().filter(|r| r.kind == 2) {
        if let Some(region) = r.region {
            *region_population.entry(region).or_default() += u64::from(r.pop);
        }
    }
    for r in rows.iter_mut().filter(|r| r.kind == 1 && r.pop == 0) {
        let sum = region_population.get(&r.id).copied().unwrap_or(0);
        r.pop = u32::try_from(sum).unwrap_or(u32::MAX);
    }
    let index_of: HashMap<u32, u32> = rows
        .iter()
        .enumerate()
        .map(|(i, r)| (r.id, i as u32))
        .collect();

    // A city's district is stored in the record's last two bytes as 1 + its place among
    // the districts, which the gazetteer file keeps together.
    let first_district = rows.iter().position(|r| r.kind == 4).unwrap_or(rows.len());
    let district_slot = |id: u32| -> u16 {
        index_of
            .get(&id)
            .map(|&i| i as usize)
            .filter(|&i| rows[i].kind == 4)
            .map_or(0, |i| {
                u16::try_from(i - first_district + 1).expect("fewer than 65,535 districts")
            })
    };
    let mut records = Vec::with_capacity(rows.len() * RECORD);
    let mut strings = String::new();
    for r in &rows {
        let region = r
            .region
            .and_then(|id| index_of.get(&id).copied())
            .unwrap_or(u32::MAX);
        let name_off = strings.len() as u32;
        strings.push_str(&r.name);
        records.extend_from_slice(&r.id.to_le_bytes());
        records.push(r.kind);
        records.push(r.continent);
        records.extend_from_slice(&r.cc);
        records.extend_from_slice(&region.to_le_bytes());
        records.extend_from_slice(&r.lat.to_le_bytes());
        records.extend_from_slice(&r.lon.to_le_bytes());
        records.extend_from_slice(&r.pop.to_le_bytes());
        records.extend_from_slice(&name_off.to_le_bytes());
        records.extend_from_slice(&(r.name.len() as u16).to_le_bytes());
        records.extend_from_slice(&r.district.map_or(0, district_slot).to_le_bytes());
    }

    let mut by_name: BTreeMap<String, Vec<u32>> = BTreeMap::new();
    for (i, r) in rows.iter().enumerate() {
        for n in r.names.iter().chain(std::iter::once(&r.name)) {
            let key = normalize::normalize_name(n);
            if key.is_empty() || is_nickname(n, &r.name) {
                continue;
            }
            let list = by_name.entry(key).or_default();
            if !list.contains(&(i as u32)) {
                list.push(i as u32);
            }
        }
    }
    let mut postings = Vec::new();
    let mut map = fst::MapBuilder::memory();
    for (key, mut list) in by_name {
        // Continents first, then countries, regions, districts, cities; within a kind
        // the most populous.
        list.sort_by_key(|&i| {
            let row = &rows[i as usize];
            let order = match row.kind {
                3 => 0,
                0 => 1,
                1 => 2,
                4 => 3,
                _ => 4,
            };
            (order, std::cmp::Reverse(row.pop))
        });
        list.truncate(u16::MAX as usize);
        let offset = (postings.len() / 4) as u64;
        for i in &list {
            postings.extend_from_slice(&i.to_le_bytes());
        }
        map.insert(key.as_bytes(), (offset << 16) | list.len() as u64)
            .expect("keys are sorted");
    }
    let fst_bytes = map.into_inner().expect("fst builds");

    let write = |name: &str, bytes: &[u8]| {
        let mut f = std::fs::File::create(out.join(name)).expect("OUT_DIR is writable");
        f.write_all(bytes).expect("write");
    };
    write("places.bin", &records);
    write("strings.bin", strings.as_bytes());
    write("names.fst", &fst_bytes);
    write("postings.bin", &postings);
    write(
        "layout.rs",
        format!("/// Index of the first district record (build.rs).\npub const FIRST_DISTRICT: u32 = {first_district};\n").as_bytes(),
    );
}

/// What an index records of the code and data that made its documents: FNV-1a over the
/// files that turn a page into an indexed document. An index made by other ones is
/// re-extracted in full by the next `dateline index` (src/indexer), so an upgrade's better
/// dates, bylines and places reach the pages indexed before it.
fn extractor_fingerprint() {
    const INPUTS: &[&str] = &[
        "src/extract",
        "src/places",
        "src/archive",
        "src/analysis.rs",
        "src/article.rs",
        "src/learn.rs",
        "src/schema.rs",
        "src/indexer/document.rs",
        "src/indexer/archives.rs",
        "build.rs",
        "Cargo.lock",
        "data",
    ];
    fn files(path: &std::path::Path, into: &mut Vec<PathBuf>) {
        if path.is_dir() {
            let mut entries: Vec<PathBuf> = std::fs::read_dir(path)
                .map(|d| d.flatten().map(|e| e.path()).collect())
                .unwrap_or_default();
            entries.sort();
            for entry in entries {
                files(&entry, into);
            }
        } else {
            into.push(path.to_path_buf());
        }
    }
    let mut all = Vec::new();
    for input in INPUTS {
        println!("cargo:rerun-if-changed={input}");
        files(std::path::Path::new(input), &mut all);
    }
    // Documentation changes nothing a page becomes.
    all.retain(|f| f.extension().is_none_or(|e| e != "md"));
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for file in &all {
        let name = file.to_string_lossy().replace('\\', "/");
        let bytes = std::fs::read(file).unwrap_or_default();
        for b in name.as_bytes().iter().chain(&[0]).chain(&bytes) {
            hash ^= u64::from(*b);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    println!("cargo:rustc-env=DATELINE_EXTRACTOR={hash:016x}");
}

/// GeoNames lists nicknames as alternate names ("The Post" for Evergreen, Colorado, "The
/// Royal City" for Guelph): in news text they are newspapers and phrases, not the place.
/// "The Gambia" for Gambia and "The Raval" for el Raval stay.
fn is_nickname(alias: &str, name: &str) -> bool {
    let Some(rest) = alias.strip_prefix("The ") else {
        return false;
    };
    let (rest, name) = (
        normalize::normalize_name(rest),
        normalize::normalize_name(name),
    );
    !name.starts_with("the ") && !name.contains(&rest)
}
