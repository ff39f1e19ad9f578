//! `declutter extract --format markdown` on real corpus pages, compared with expected files that
//! were generated once and read by eye (tests/fixtures/markdown/README.md), plus the syntax rules
//! checked on the whole output: what the page wrote never turns into Markdown markup.
#![cfg(not(target_arch = "wasm32"))]

use declutter::extract::{Article, Block, Image, Inline};
use declutter::render::{to_markdown, to_markdown_part};
use std::path::{Path, PathBuf};
use std::process::Command;

/// A page of the Readability test set in the in-repo sample.
fn corpus_page(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/corpus/readability-test-pages")
        .join(name)
        .join("source.html")
}

fn extract_markdown(page: &str, url: &str) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_declutter"))
        .args(["extract", "--format", "markdown", "--url", url])
        .arg(corpus_page(page))
        .output()
        .expect("the CLI runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).expect("UTF-8")
}

fn expected(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/markdown").join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Names the first differing line, so a failure reads without a diff tool.
fn assert_same(got: &str, want: &str, name: &str) {
    if got == want {
        return;
    }
    let at = got.lines().zip(want.lines()).position(|(a, b)| a != b);
    let line = at.unwrap_or(got.lines().count().min(want.lines().count()));
    panic!(
        "{name}: differs at line {}\n got: {:?}\nwant: {:?}\n(regenerate with the command in tests/fixtures/markdown/README.md and read the diff)",
        line + 1,
        got.lines().nth(line),
        want.lines().nth(line)
    );
}

#[test]
fn wikipedia_page_matches_its_expected_markdown() {
    let md = extract_markdown("wikipedia", "https://en.wikipedia.org/wiki/Mozilla");
    assert_same(&md, &expected("wikipedia.md"), "wikipedia.md");
    // What the expected file was checked for by eye, asserted on its own too.
    assert!(md.starts_with("# Mozilla - Wikipedia\n"));
    assert!(md.contains("\n| --- | --- |\n"), "the infobox as a pipe table");
    assert!(md.contains("\n  - 1.1 Eich CEO promotion controversy\n"), "nested list");
    assert!(md.contains("\n> - Build and enable open-source technologies"), "list in a quote");
    assert!(md.contains("will be free; second, that the source code will also be free.[^3]"));
    assert!(md.contains("\n[^72]: *[\"Air Mozilla Reboot, Phase I\"]("), "72 notes, numbered");
    assert!(md.contains("Mozilla_Firefox_logo_2013.svg.png)\\\nFirefox logo\n"), "image, caption");
    assert!(md.contains("*Phoenix*"), "emphasis");
}

#[test]
fn v8_blog_page_matches_its_expected_markdown() {
    let md = extract_markdown("v8-blog", "https://v8.dev/blog/emscripten-standalone-wasm");
    assert_same(&md, &expected("v8-blog.md"), "v8-blog.md");
    assert!(md.contains("\n```c\n// add.c\n#include <emscripten.h>\n"), "code with its language");
    assert!(md.contains("\n```js\n// load-add.js\n"));
    assert!(md.contains("[**standalone Wasm**](https://github.com/emscripten-core/"));
    assert!(md.contains("`emcc -O3 add.c -o add.js`"), "inline code");
}

fn text(s: &str) -> Inline {
    Inline::Text { text: s.into() }
}

fn para(content: Vec<Inline>) -> Block {
    Block::Paragraph { content }
}

fn article(body: Vec<Block>) -> Article {
    Article { title: "T".into(), body, ..Article::default() }
}

/// The body after the title line.
fn body_md(body: Vec<Block>) -> String {
    to_markdown(&article(body)).trim_start_matches("# T\n\n").to_owned()
}

#[test]
fn page_text_cannot_become_markup() {
    let md = body_md(vec![
        para(vec![text("# not a heading")]),
        para(vec![text("1. not a list, *not* emphasis, [not](a link), <b>no tag</b>, `no code`")]),
        para(vec![text("- nor this; &amp; stays as written; a_b_c")]),
        para(vec![text("===")]),
    ]);
    assert_eq!(
        md,
        "\\# not a heading\n\n\
         1\\. not a list, \\*not\\* emphasis, \\[not\\](a link), \\<b\\>no tag\\</b\\>, \\`no code\\`\n\n\
         \\- nor this; \\&amp; stays as written; a\\_b\\_c\n\n\
         \\===\n"
    );
    // Only line starts that would be markers are escaped.
    assert_eq!(
        body_md(vec![para(vec![text("1.5 million and -3 degrees")])]),
        "1.5 million and -3 degrees\n"
    );
}

#[test]
fn code_fences_outgrow_the_backticks_inside() {
    let code = Block::Code { language: Some("md\n```evil".into()), text: "a ``` b\n".into() };
    assert_eq!(body_md(vec![code]), "````mdevil\na ``` b\n````\n");
    let inline = para(vec![Inline::Code { text: "x `y` z".into() }]);
    assert_eq!(body_md(vec![inline]), "``x `y` z``\n");
}

#[test]
fn lists_nest_and_items_keep_their_paragraphs() {
    let nested = Block::List {
        ordered: true,
        items: vec![
            vec![
                para(vec![text("one")]),
                Block::List { ordered: false, items: vec![vec![para(vec![text("inner")])]] },
            ],
            vec![para(vec![text("two")])],
        ],
    };
    assert_eq!(body_md(vec![nested]), "1. one\n   - inner\n2. two\n");
    let loose = Block::List {
        ordered: false,
        items: vec![vec![para(vec![text("a")]), para(vec![text("b")])]],
    };
    assert_eq!(body_md(vec![loose]), "- a\n\n  b\n");
}

#[test]
fn links_images_and_tables() {
    let link = Inline::Link {
        href: "https://example.com/a (b)".into(),
        content: vec![Inline::Emphasis { content: vec![text("see ")] }],
    };
    assert_eq!(body_md(vec![para(vec![link])]), "[*see*](<https://example.com/a%20(b)>)\n");
    let js = Inline::Link { href: "javascript:alert(1)".into(), content: vec![text("x")] };
    assert_eq!(body_md(vec![para(vec![js])]), "x\n", "only safe URLs become links");
    let image = Image {
        src: "https://example.com/i.png".into(),
        alt: "A [cat]".into(),
        caption: vec![text("The cat")],
        credit: Some("Photo: Jo".into()),
        ..Image::default()
    };
    assert_eq!(
        body_md(vec![Block::Figure { image }]),
        "![A \\[cat\\]](https://example.com/i.png)\\\nThe cat Photo: Jo\n"
    );
    let cell = |s: &str, colspan| declutter::extract::Cell {
        header: false,
        colspan,
        rowspan: 1,
        content: vec![text(s)],
    };
    let table = declutter::extract::Table {
        caption: vec![],
        head: vec![],
        rows: vec![vec![cell("a|b", 2)], vec![cell("c", 1), cell("d", 1)]],
    };
    assert_eq!(body_md(vec![Block::Table(table)]), "| a\\|b |  |\n| --- | --- |\n| c | d |\n");
}

#[test]
fn numbered_in_page_links_are_footnotes() {
    let reference = |n: &str| Inline::Sup {
        content: vec![Inline::Link { href: "#cite-1".into(), content: vec![text(n)] }],
    };
    let body = vec![
        para(vec![text("Claim"), reference("[1]"), text(" and "), reference("7")]),
        Block::Footnotes {
            items: vec![vec![para(vec![
                Inline::Link { href: "#back".into(), content: vec![text("↑")] },
                text(" A source."),
            ])]],
        },
    ];
    // 7 is beyond the single note: left as the superscript the page showed.
    assert_eq!(body_md(body), "Claim[^1] and <sup>7</sup>\n\n[^1]: A source.\n");
}

#[test]
fn a_following_page_is_its_label_and_body_with_notes_of_its_own() {
    let heading = |t: &str| Block::Heading { level: 2, content: vec![text(t)] };
    let reference = Inline::Link { href: "#n1".into(), content: vec![text("1")] };
    let mut page = article(vec![
        heading("t"),
        para(vec![text("Day two"), Inline::Sup { content: vec![reference] }]),
        Block::Footnotes { items: vec![vec![para(vec![text("A note.")])]] },
    ]);
    page.byline = Some("Mara".into());
    page.lead_image = Some(Image { src: "https://a.example/lead.jpg".into(), ..Image::default() });
    // The heading that repeats the title, the byline and the lead image are page one's to show.
    assert_eq!(
        to_markdown_part(&page, 2, "Page 2 of 4"),
        "---\n\n*Page 2 of 4*\n\nDay two[^2-1]\n\n[^2-1]: A note.\n"
    );
    // A heading of its own stays.
    page.body[0] = heading("The ridge");
    assert!(to_markdown_part(&page, 3, "Page 3").starts_with("---\n\n*Page 3*\n\n## The ridge\n\n"));
}

#[test]
fn embeds_are_links_to_the_original_and_scripts_are_dropped() {
    let md = body_md(vec![
        Block::Embed {
            title: Some("A *talk* on parsers".into()),
            url: "https://www.youtube.com/watch?v=abc".into(),
            quote: vec![],
        },
        Block::Embed { title: None, url: "javascript:alert(1)".into(), quote: vec![] },
        Block::Embed {
            title: None,
            url: "https://bsky.app/profile/a/post/3l".into(),
            quote: vec![Block::Paragraph {
                content: vec![Inline::Text { text: "Two tails".into() }],
            }],
        },
    ]);
    assert_eq!(
        md,
        "[A \\*talk\\* on parsers](https://www.youtube.com/watch?v=abc)\n\n> Two tails\n\n\
         [https://bsky.app/profile/a/post/3l](https://bsky.app/profile/a/post/3l)\n"
    );
}
