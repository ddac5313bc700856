//! Tests of the gazetteer: a small fixture built by [`GazetteerBuilder`] from real GeoNames rows,
//! then the embedded gazetteer for what a user would check.

use super::*;
use crate::model::PlaceNamespace;

/// Adds a town: GeoNames id, name, (lat, lon), (country, admin1 code), population.
fn city(
    b: &mut GazetteerBuilder,
    id: u64,
    name: &str,
    (lat, lon): (f64, f64),
    (cc, a1): (&str, &str),
    pop: u64,
) -> EntryId {
    let mut spec =
        EntrySpec::new(PlaceId::geonames(id), name, PlaceKind::City, Position::new(lon, lat));
    spec.country = Some(cc.into());
    spec.admin1_code = Some(a1.into());
    spec.population = pop;
    b.add_entry(spec)
}

/// A few real GeoNames rows around the sample article's places.
fn fixture() -> Gazetteer {
    let mut b = GazetteerBuilder::new();
    let mut ru = EntrySpec::new(
        PlaceId::geonames(2017370),
        "Russia",
        PlaceKind::Country,
        Position::new(100.0, 60.0),
    );
    ru.country = Some("RU".into());
    ru.population = 140_702_000;
    let ru = b.add_entry(ru);
    b.add_name(ru, "Russian", NameKind::Demonym).unwrap();
    b.add_name(ru, "Soviet Union", NameKind::Historical).unwrap();
    let mut amur = EntrySpec::new(
        PlaceId::geonames(2027748),
        "Amur Oblast",
        PlaceKind::Admin1,
        Position::new(128.0, 52.5),
    );
    amur.country = Some("RU".into());
    amur.admin1_code = Some("05".into());
    let amur = b.add_entry(amur);
    b.add_name(amur, "Amur", NameKind::Short).unwrap();
    b.add_name(amur, "Amurskaya oblast'", NameKind::Alternate).unwrap();
    let bqs =
        city(&mut b, 2026609, "Blagoveshchensk", (50.27593, 127.52637), ("RU", "05"), 225_091);
    for alt in ["Blagoveschensk", "Blagoveščensk", "Hailanpao"] {
        b.add_name(bqs, alt, NameKind::Alternate).unwrap();
    }
    b.add_name(bqs, "BQS", NameKind::Code).unwrap();
    b.add_name(bqs, "Благовещенск", NameKind::Alternate).unwrap_err();
    let bash = city(&mut b, 576116, "Blagoveshchensk", (55.0352, 55.97703), ("RU", "08"), 34_238);
    b.add_name(bash, "Blagoveschensk", NameKind::Alternate).unwrap();
    let tsio = city(&mut b, 6641869, "Tsiolkovskiy", (51.76872, 128.12018), ("RU", "05"), 7_194);
    b.add_name(tsio, "Tsiolkovski", NameKind::Alternate).unwrap();
    b.add_name(tsio, "Uglegorsk", NameKind::Historical).unwrap();
    city(&mut b, 2120261, "Uglegorsk", (49.0799, 142.06875), ("RU", "64"), 12_669);
    city(&mut b, 1835848, "Seoul", (37.566, 126.9784), ("KR", "11"), 10_349_312);
    city(&mut b, 2747373, "The Hague", (52.07667, 4.29861), ("NL", "11"), 474_292);
    city(&mut b, 4140963, "Washington", (38.89511, -77.03637), ("US", "DC"), 601_723);
    let mut crossing = EntrySpec::new(
        PlaceId::landmark(1),
        "Khasan–Tumangang Friendship Bridge",
        PlaceKind::Facility,
        Position::new(130.6406, 42.4250),
    );
    crossing.features = vec!["bridge".into(), "Border Crossing".into()];
    crossing.countries = vec!["RU".into(), "KP".into()];
    b.add_entry(crossing);
    let bytes = b.build().unwrap();
    Gazetteer::from_bytes(&bytes).unwrap()
}

fn names_of(g: &Gazetteer, matches: &[NameMatch]) -> Vec<(String, u64)> {
    matches
        .iter()
        .map(|m| g.entry(m.entry).unwrap())
        .map(|e| (e.name.to_owned(), e.place_id.code))
        .collect()
}

#[test]
fn a_romanisation_variant_finds_both_blagoveshchensks_most_populous_first() {
    let g = fixture();
    let found = g.lookup("Blagoveschensk");
    assert_eq!(
        names_of(&g, &found),
        [("Blagoveshchensk".to_owned(), 2026609), ("Blagoveshchensk".to_owned(), 576116)]
    );
    assert!(found.iter().all(|m| m.match_kind == MatchKind::Exact));
}

#[test]
fn a_spelling_no_source_lists_is_found_through_the_variant_key() {
    let g = fixture();
    let found = g.lookup("Tsiolkovsky");
    assert_eq!(found.len(), 1);
    assert_eq!(g.entry(found[0].entry).unwrap().name, "Tsiolkovskiy");
    assert_eq!(found[0].match_kind, MatchKind::Variant);
}

#[test]
fn a_former_name_finds_the_renamed_town_and_the_other_town_of_that_name() {
    let g = fixture();
    let found = g.lookup("Uglegorsk");
    let kinds: Vec<(String, NameKind)> =
        found.iter().map(|m| (g.entry(m.entry).unwrap().name.to_owned(), m.name_kind)).collect();
    assert!(kinds.contains(&("Uglegorsk".into(), NameKind::Preferred)));
    assert!(kinds.contains(&("Tsiolkovskiy".into(), NameKind::Historical)));
}

#[test]
fn codes_demonyms_and_non_latin_names_are_handled() {
    let g = fixture();
    assert_eq!(g.lookup("BQS")[0].name_kind, NameKind::Code);
    let russia = g.demonym("Russian").unwrap();
    assert_eq!(g.entry(russia).unwrap().name, "Russia");
    assert_eq!(g.demonym("Blagoveshchensk"), None);
}

#[test]
fn the_hague_is_found_with_or_without_its_article() {
    let g = fixture();
    assert_eq!(g.lookup("The Hague").len(), 1);
    assert_eq!(g.lookup("Hague").len(), 1);
}

#[test]
fn places_carry_their_admin1_name_and_links() {
    let g = fixture();
    let bqs = g.find(PlaceId::geonames(2026609)).unwrap();
    let place = g.place(bqs).unwrap();
    assert_eq!(place.admin1.as_deref(), Some("Amur Oblast"));
    assert_eq!(place.country.as_deref(), Some("RU"));
    assert!((place.lat() - 50.27593).abs() < 1e-4 && (place.lon() - 127.52637).abs() < 1e-4);
    assert_eq!(g.admin1("RU", "05"), g.admin1_of(bqs));
    assert_eq!(g.country_of(bqs), g.country("ru"));
    assert_eq!(g.admin1("RU", "99"), None);
    assert_eq!(g.place(EntryId(9999)), None);
}

#[test]
fn prefixes_let_a_recognizer_extend_names_word_by_word() {
    let g = fixture();
    assert!(g.has_prefix("amur"));
    assert!(g.has_prefix("amur "));
    assert!(g.has_prefix("soviet "));
    assert!(!g.has_prefix("blagoveshchensk "));
    assert!(!g.has_prefix("zzz"));
    assert_eq!(g.max_name_tokens(), 4);
}

#[test]
fn a_prefix_is_known_exactly_when_some_name_starts_with_it() {
    use fst::{IntoStreamer as _, Streamer as _};
    let g = fixture();
    let starts_a_name = |p: &str| {
        let mut stream = g.exact.range().ge(p).into_stream();
        stream.next().is_some_and(|(key, _)| key.starts_with(p.as_bytes()))
    };
    let mut names = Vec::new();
    let mut stream = g.exact.stream();
    while let Some((key, _)) = stream.next() {
        names.push(String::from_utf8_lossy(key).into_owned());
    }
    assert!(names.len() > 5);
    for name in &names {
        for end in (1..=name.len()).filter(|&e| name.is_char_boundary(e)) {
            let prefix = &name[..end];
            assert!(g.has_prefix(prefix), "{prefix}");
            for extra in [" ", "q", " z"] {
                let longer = format!("{prefix}{extra}");
                assert_eq!(g.has_prefix(&longer), starts_a_name(&longer), "{longer}");
            }
        }
    }
}

#[test]
fn a_border_crossing_is_found_by_its_feature_and_countries() {
    let g = fixture();
    let found = g.with_feature("border crossing", &["RU", "KP"]);
    assert_eq!(found.len(), 1);
    let e = g.entry(found[0]).unwrap();
    assert_eq!(e.place_id.namespace, PlaceNamespace::Landmark);
    assert_eq!(e.countries, ["KP", "RU"]);
    assert!(g.with_feature("border crossing", &["RU", "CN"]).is_empty());
    assert!(g.with_feature("cosmodrome", &[]).is_empty());
}

#[test]
fn nearest_and_within_measure_great_circle_distance() {
    let g = fixture();
    let near_bqs = Position::new(127.6, 50.3);
    let nearest = g.nearest(near_bqs, 2);
    assert_eq!(g.entry(nearest[0].0).unwrap().place_id, PlaceId::geonames(2026609));
    assert!(nearest[0].1 < 10.0);
    let within = g.within(near_bqs, 300.0);
    let ids: Vec<u64> = within.iter().map(|(e, _)| g.entry(*e).unwrap().place_id.code).collect();
    assert!(ids.contains(&2026609) && ids.contains(&6641869) && ids.contains(&2027748));
    assert!(!ids.contains(&576116));
    assert!(within.windows(2).all(|w| w[0].1 <= w[1].1));
}

#[test]
fn building_twice_gives_identical_bytes() {
    let build = || {
        let mut b = GazetteerBuilder::new();
        for (i, name) in ["Seoul", "Busan", "Incheon"].iter().enumerate() {
            city(&mut b, i as u64 + 1, name, (37.0, 127.0), ("KR", "11"), 100);
        }
        b.build().unwrap()
    };
    assert_eq!(build(), build());
}

#[test]
fn garbage_bytes_are_a_typed_error_not_a_panic() {
    let mut current_garbage = store::MAGIC.to_vec();
    current_garbage.extend_from_slice(&store::FORMAT_VERSION.to_le_bytes());
    current_garbage.extend_from_slice(b"garbage");
    for bytes in [&b""[..], b"hello world", b"NEWSMAPG", &current_garbage] {
        assert!(matches!(Gazetteer::from_bytes(bytes), Err(Error::Corrupt { .. })), "{bytes:?}");
    }
    let mut future = store::MAGIC.to_vec();
    future.extend_from_slice(&99u32.to_le_bytes());
    assert!(matches!(Gazetteer::from_bytes(&future), Err(Error::Version { found: 99, .. })));
}

#[test]
fn damaged_payloads_are_refused() {
    let mut b = GazetteerBuilder::new();
    city(&mut b, 1, "Seoul", (37.0, 127.0), ("KR", "11"), 100);
    let good = b.build().unwrap();
    // Every truncation and every single flipped byte either decodes or fails cleanly.
    for cut in 0..good.len() {
        let _result = Gazetteer::from_bytes(&good[..cut]);
    }
    for i in 12..good.len() {
        let mut bad = good.clone();
        bad[i] ^= 0x5A;
        if let Ok(g) = Gazetteer::from_bytes(&bad) {
            let _found = g.lookup("Seoul");
        }
    }
    let missing = Gazetteer::open(Path::new("/nonexistent/gazetteer.bin")).unwrap_err();
    assert!(missing.to_string().contains("/nonexistent/gazetteer.bin"));
}

mod embedded {
    use super::*;

    fn g() -> Arc<Gazetteer> {
        Gazetteer::embedded().unwrap()
    }

    fn find(g: &Gazetteer, surface: &str, geonames_id: u64) -> Option<NameMatch> {
        g.lookup(surface)
            .into_iter()
            .find(|m| g.entry(m.entry).unwrap().place_id == PlaceId::geonames(geonames_id))
    }

    #[test]
    fn blagoveschensk_finds_both_blagoveshchensks() {
        let g = g();
        let amur = find(&g, "Blagoveschensk", 2026609).unwrap();
        find(&g, "Blagoveschensk", 576116).unwrap();
        let e = g.entry(amur.entry).unwrap();
        assert!((e.position.y() - 50.28).abs() < 0.01 && (e.position.x() - 127.53).abs() < 0.01);
        assert!(e.population > 200_000);
    }

    #[test]
    fn tsiolkovsky_and_uglegorsk_find_the_renamed_town() {
        let g = g();
        find(&g, "Tsiolkovsky", 6641869).unwrap();
        find(&g, "Uglegorsk", 2120261).unwrap();
    }

    #[test]
    fn united_states_in_any_spelling_is_the_country_near_the_geonames_point() {
        let g = g();
        let us = g.country("US").unwrap();
        for surface in ["U.S.", "US", "United States", "USA", "the United States of America"] {
            assert!(g.lookup(surface).iter().any(|m| m.entry == us), "{surface}");
        }
        let p = g.entry(us).unwrap().position;
        assert!(distance_km(p, Position::new(-98.5, 39.76)) < 100.0);
    }

    #[test]
    fn demonyms_point_at_their_countries() {
        let g = g();
        for (demonym, iso2) in
            [("Russian", "RU"), ("North Korean", "KP"), ("Soviet", "RU"), ("American", "US")]
        {
            assert_eq!(g.demonym(demonym), g.country(iso2), "{demonym}");
        }
    }

    #[test]
    fn seoul_is_the_capital_first() {
        let g = g();
        let first = g.lookup("Seoul")[0];
        assert_eq!(g.entry(first.entry).unwrap().place_id, PlaceId::geonames(1835848));
    }

    #[test]
    fn the_embedded_gazetteer_loads_every_kind_of_source() {
        let g = g();
        assert!(g.len() > 230_000);
        assert!(g.max_name_tokens() >= 5);
        assert!(g.entries().any(|e| e.kind == PlaceKind::Continent && e.name == "Asia"));
    }

    #[test]
    fn amur_and_amur_oblast_find_the_oblast() {
        let g = g();
        let amur = g.admin1("RU", "05").unwrap();
        assert_eq!(g.entry(amur).unwrap().name, "Amur Oblast");
        for surface in ["Amur", "Amur Oblast", "Amurskaya oblast'"] {
            assert!(g.lookup(surface).iter().any(|m| m.entry == amur), "{surface}");
        }
        let bqs = g.find(PlaceId::geonames(2026609)).unwrap();
        assert_eq!(g.place(bqs).unwrap().admin1.as_deref(), Some("Amur Oblast"));
    }

    #[test]
    fn ap_and_postal_abbreviations_find_us_states() {
        let g = g();
        let wv = g.admin1("US", "WV").unwrap();
        assert_eq!(g.entry(wv).unwrap().name, "West Virginia");
        for surface in ["W.Va.", "WV", "West Virginia"] {
            assert!(g.lookup(surface).iter().any(|m| m.entry == wv), "{surface}");
        }
        let ks = g.lookup("Kan.");
        assert!(ks.iter().any(|m| g.entry(m.entry).unwrap().name == "Kansas"));
    }

    #[test]
    fn us_counties_sit_at_their_polygon_centroids() {
        let g = g();
        let rapides = g.find(PlaceId::fips(22079)).unwrap();
        let e = g.entry(rapides).unwrap();
        assert_eq!(e.name, "Rapides Parish");
        assert!(distance_km(e.position, Position::new(-92.53, 31.20)) < 25.0, "{:?}", e.position);
        assert_eq!(g.place(rapides).unwrap().admin1.as_deref(), Some("Louisiana"));
    }

    #[test]
    fn airports_are_found_by_code_and_short_name() {
        let g = g();
        let bqs = g.find(PlaceId::iata("BQS").unwrap()).unwrap();
        assert_eq!(g.entry(bqs).unwrap().kind, PlaceKind::Airport);
        assert!(g.lookup("BQS").iter().any(|m| m.entry == bqs && m.name_kind == NameKind::Code));
    }
}
