//! The modern web (issue 17), natively: pages built from web components read through their
//! declarative shadow roots and slots, as the live walker reads them. Fixtures in
//! tests/fixtures/modern mark article paragraphs `data-expect="article"` and clutter
//! `data-expect="<kind>"`; the browser tests (tests/e2e/modern.test.mjs) reuse them.

use declutter::clutter::{ClutterKind, Hidden};
use declutter::dom::{html, NodeRef, Snapshot, Tag};
use declutter::extract::{block_text, Article};
use declutter::pipeline;

fn load(name: &str) -> Snapshot {
    let path = format!("{}/tests/fixtures/modern/{name}.html", env!("CARGO_MANIFEST_DIR"));
    html::parse(&std::fs::read_to_string(&path).expect("fixture exists")).expect("fixture parses")
}

fn read(snap: &Snapshot, url: &str) -> (Vec<Hidden>, Article) {
    let reading = pipeline::read(snap, Some(url.into()), &ClutterKind::ALL);
    (reading.hidden, reading.article.expect("an article"))
}

fn body_text(article: &Article) -> String {
    let mut text = String::new();
    for b in &article.body {
        block_text(b, &mut text);
        text.push('\n');
    }
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn squeeze(n: NodeRef) -> String {
    n.text_content().split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn article_inside_nested_custom_elements_with_slots() {
    let snap = load("shadow-article");
    let (hidden, article) = read(&snap, "https://coastal.example/notes/tide-pools");
    assert_eq!(article.title, "Tide pools after the storm");
    let body = body_text(&article);
    let mut checked = 0;
    for n in snap.iter() {
        let Some(expect) = n.attr("data-expect") else { continue };
        checked += 1;
        let covered = hidden.iter().find(|h| snap.node(h.node).contains(n));
        if expect == "article" {
            assert!(covered.is_none(), "article paragraph hidden: {:?}", n);
            assert!(body.contains(&squeeze(n)), "the reader shows {:?}\n{body}", squeeze(n));
        } else {
            let kind = covered.map(|h| h.kind.as_str());
            assert_eq!(kind, Some(expect), "clutter inside a shadow root: {:?}", n);
            assert!(!body.contains(&squeeze(n)), "clutter in the reader: {:?}", n);
        }
    }
    assert_eq!(checked, 6, "the shadow trees' clutter and the slotted paragraphs are all seen");
    assert!(!body.contains("Unassigned"), "{body}");
    assert!(snap.iter().all(|n| !n.is(Tag::Template)));
}

#[test]
fn relative_urls_resolve_against_base_href() {
    let snap = load("base-href");
    let (_, article) = read(&snap, "http://127.0.0.1:8642/fixtures/modern/base-href.html");
    let json = serde_json::to_string(&declutter::render::article_tree(&article)).unwrap();
    for want in [
        "http://127.0.0.1:8642/fixtures/modern/library/2026/room.html",
        "http://127.0.0.1:8642/fixtures/modern/library/2026/images/room.jpg",
        "http://127.0.0.1:8642/fixtures/modern/library/archive/papers.html",
        "http://127.0.0.1:8642/fixtures/modern/hours.html",
    ] {
        assert!(json.contains(&format!("\"{want}\"")), "{want} in {json}");
    }
    assert!(!json.contains("/fixtures/modern/room.html"), "resolved against the page URL: {json}");
}

#[test]
fn embeds_become_cards_and_posts_keep_their_text() {
    use declutter::extract::Block;
    let snap = load("embeds");
    let (_, article) = read(&snap, "https://sky.example/diary/comet");
    let text = |blocks: &[Block]| {
        let mut t = String::new();
        for b in blocks {
            block_text(b, &mut t);
            t.push(' ');
        }
        t.split_whitespace().collect::<Vec<_>>().join(" ")
    };
    let cards: Vec<(Option<&str>, &str, String)> = article
        .body
        .iter()
        .filter_map(|b| match b {
            Block::Embed { title, url, quote } => {
                Some((title.as_deref(), url.as_str(), text(quote)))
            }
            _ => None,
        })
        .collect();
    // Each card links to the embed's own address (the extension names the provider and turns
    // it into the original's, tests/e2e/modern.test.mjs); a lazy frame's address is data-src; a
    // quoted post links to its permalink and keeps its text; a lite player links to its player.
    let tweet = "Just watched the comet rise over the ridge with my kids. Tail clearly visible \
                 without binoculars! — Sky Watcher (@skywatcher) October 1, 2026";
    let skeet = "Two tails tonight: the dust tail curving west and a thin blue ion tail pointing \
                 straight away from the sun. — Night Sky Diary (@nightsky.example) October 2, \
                 2026 at 9:14 PM";
    let want = [
        (
            Some("Comet over the harbour, time-lapse"),
            "https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ?si=x",
            "",
        ),
        (
            None,
            "https://twitter.com/skywatcher/status/1840000000000000001?ref_src=twsrc%5Etfw",
            tweet,
        ),
        (Some("Vimeo video player"), "https://player.vimeo.com/video/76979871?h=abc", ""),
        (
            None,
            "https://www.instagram.com/p/C1comet9/?utm_source=ig_embed",
            "The comet and the Milky Way from the dunes last night. A post shared by Dune Nights",
        ),
        (
            None,
            "https://www.tiktok.com/@nightsky/video/7290000000000000000",
            "@nightsky Comet timelapse from the roof",
        ),
        (None, "https://mastodon.social/@astro/113200000000000000/embed", ""),
        (
            Some("Where the comet was visible"),
            "https://maps.example.org/embed?view=comet-track",
            "",
        ),
        (
            Some("Play: The comet from the space station"),
            "https://www.youtube.com/embed/kT0xBc1x3Aw",
            "",
        ),
        (
            None,
            "https://bsky.app/profile/did:plc:skydiary4comet/post/3lcometpost2x?ref_src=embed",
            skeet,
        ),
        (
            None,
            "https://astrodon.example/@observatory/113300000000000000",
            "Post by @observatory@astrodon.example View on Mastodon",
        ),
        (None, "https://player.vimeo.com/video/76979872", ""),
    ];
    let want: Vec<_> = want.iter().map(|(t, u, q)| (*t, *u, q.to_string())).collect();
    assert_eq!(cards, want, "one card per embed, in order");
    let body = body_text(&article);
    assert!(body.contains("Tail clearly visible without binoculars!"), "{body}");
    let tree = serde_json::to_string(&declutter::render::article_tree(&article)).unwrap();
    assert!(!tree.contains("iframe") && !tree.contains("\"img\""), "no frame, no image: {tree}");
}

/// Every image address in the reader (lead image and body), as the render tree gives them.
fn reader_images(article: &Article) -> Vec<String> {
    let tree = serde_json::to_value(declutter::render::article_tree(article)).unwrap();
    let mut out = Vec::new();
    let mut stack = vec![&tree];
    while let Some(v) = stack.pop() {
        match v {
            serde_json::Value::Array(a) => stack.extend(a.iter().rev()),
            serde_json::Value::Object(o) => {
                if o.get("tag").and_then(|t| t.as_str()) == Some("img") {
                    let attrs = o.get("attrs").and_then(|a| a.as_array()).into_iter().flatten();
                    for pair in attrs {
                        if pair[0] == "src" {
                            out.push(pair[1].as_str().unwrap().to_owned());
                        }
                    }
                }
                stack.extend(o.values());
            }
            _ => {}
        }
    }
    out
}

#[test]
fn lazy_and_noscript_pictures_reach_the_reader_at_their_best_resolution() {
    let snap = load("lazy-media");
    let (_, article) = read(&snap, "https://orchard.example/notes/north-slope");
    let images = reader_images(&article);
    let want: Vec<String> = snap
        .iter()
        .filter_map(|n| n.attr("data-want"))
        .map(|f| format!("https://orchard.example/media/{f}"))
        .collect();
    assert_eq!(want.len(), 7, "one per pattern");
    // Each picture once, in page order, and nothing else: no placeholder, no preview, no twin.
    let shown: Vec<&String> = images.iter().filter(|s| want.contains(s)).collect();
    assert_eq!(shown, want.iter().collect::<Vec<_>>(), "all of {images:?}");
    assert_eq!(images.len(), want.len(), "nothing but the pictures: {images:?}");
}

#[test]
fn a_blur_up_canvas_between_a_picture_and_its_noscript_twin_shows_it_once() {
    let page = r#"<!DOCTYPE html><html><head><title>Frost on the orchard</title></head><body>
        <article><h1>Frost on the orchard</h1>
        <p>The first frost came early this year, and the orchard woke white under a clear sky.
        Rows of apple trees stood still while the sun crept over the ridge and the grass thawed.</p>
        <figure><img src="/media/frost-thumb.jpg" alt="Frost on apples">
        <canvas width="40" height="30"></canvas>
        <noscript><img src="/media/frost-1600.jpg" alt="Frost on apples"></noscript></figure>
        <p>By noon the frost was gone, but the cold had already sweetened the late apples, as it
        does every year when the nights turn sharp before the harvest is fully in.</p>
        </article></body></html>"#;
    let snap = html::parse(page).expect("parses");
    let (_, article) = read(&snap, "https://orchard.example/notes/frost");
    let images = reader_images(&article);
    assert_eq!(images, ["https://orchard.example/media/frost-1600.jpg"], "all: {images:?}");
}
