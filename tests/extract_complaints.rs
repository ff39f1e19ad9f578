//! One test per complaint readers most often file against Readability, each on a small page
//! written for it (tests/fixtures/extract/).

mod support;

use declutter::dom::html::parse;
use declutter::extract::{self, block_text, Article, Block, ExtractError, Options};

fn fixture(name: &str) -> String {
    let path = format!("{}/tests/fixtures/extract/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn extract_page(name: &str, url: &str) -> Article {
    let snap = parse(&fixture(name)).expect("fixture parses");
    extract::extract(&snap, &Options { url: Some(url.to_owned()), root: None }).expect("an article")
}

fn text(a: &Article) -> String {
    let mut s = String::new();
    for b in &a.body {
        block_text(b, &mut s);
        s.push('\n');
    }
    s
}

fn figures(a: &Article) -> Vec<&extract::Image> {
    a.body
        .iter()
        .filter_map(|b| if let Block::Figure { image } = b { Some(image) } else { None })
        .collect()
}

#[test]
fn opening_paragraph_in_its_own_box_is_kept() {
    let a = extract_page("opening-paragraph.html", "https://coast.example/news/ferry");
    let t = text(&a);
    assert!(t.starts_with("Residents of Port Ellery voted"), "first paragraph lost: {t}");
    assert!(t.contains("now we have to make sure it has a future"));
    assert!(!t.contains("Copyright") && !t.contains("Sport"), "furniture leaked: {t}");
}

#[test]
fn comments_and_teasers_are_not_the_article() {
    let a = extract_page("comments-and-teaser.html", "https://ferrous.example/sourdough");
    let t = text(&a);
    assert!(t.contains("small ecosystem of wild yeast"));
    assert!(t.contains("a week in the refrigerator"));
    assert!(!t.contains("Great post"), "comments chosen: {t}");
    assert!(!t.contains("Rye bread, the slow way"), "teaser chosen: {t}");
    assert_eq!(a.title, "Why sourdough needs patience");
    assert_eq!(a.site_name.as_deref(), Some("Ferrous Notes"));
}

#[test]
fn lazy_srcset_picture_and_hero_images_are_found() {
    let a = extract_page("lazy-images.html", "https://news.example/features/skerry");
    let srcs: Vec<&str> = figures(&a).iter().map(|i| i.src.as_str()).collect();
    assert_eq!(
        srcs,
        [
            "https://news.example/images/keepers-1952.jpg",
            "https://news.example/images/lamp-1600.jpg",
            "https://news.example/images/log-1200.webp",
        ]
    );
    assert_eq!(extract::inline_text(&figures(&a)[0].caption), "The keepers in 1952.");
    let hero = a.lead_image.as_ref().expect("the hero image");
    assert_eq!(hero.src, "https://img.example.org/hero/skerry-rock-2400.jpg");
    assert_eq!(hero.alt, "The lighthouse at dusk");
    assert_eq!(hero.credit.as_deref(), Some("Photo: Ana Ruiz"));
    assert_eq!(extract::inline_text(&hero.caption), "The lighthouse at dusk.");
}

#[test]
fn hero_image_above_the_article_is_the_lead_without_metadata() {
    let a = extract_page("hero-no-metadata.html", "https://valley.example/orchard");
    let hero = a.lead_image.as_ref().expect("the hero image");
    assert_eq!(hero.src, "https://valley.example/photos/orchard-1600.jpg");
    assert_eq!(hero.alt, "Apple trees in blossom");
    assert_eq!(extract::inline_text(&hero.caption), "The replanted orchard in its third spring.");
    // A `<picture>` with a wide `srcset` qualifies too; an avatar or a logo never does.
    let page = fixture("hero-no-metadata.html");
    let picture = page.replace(
        r#"<img src="/static/grey.gif" data-src="/photos/orchard-800.jpg" data-srcset="/photos/orchard-800.jpg 800w, /photos/orchard-1600.jpg 1600w" alt="Apple trees in blossom" class="lazy">"#,
        r#"<picture><source srcset="/photos/orchard.avif 1200w"><img src="/photos/orchard-600.jpg" alt="Apple trees in blossom"></picture>"#,
    );
    let a = extract::extract(
        &parse(&picture).unwrap(),
        &Options { url: Some("https://valley.example/orchard".into()), root: None },
    )
    .unwrap();
    assert_eq!(
        a.lead_image.expect("picture hero").src,
        "https://valley.example/photos/orchard.avif"
    );
    let start = page.find("<figure").unwrap();
    let end = page.find("</figure>").unwrap() + "</figure>".len();
    let without = format!("{}{}", &page[..start], &page[end..]);
    let a = extract::extract(&parse(&without).unwrap(), &Options::default()).unwrap();
    assert_eq!(a.lead_image, None, "a small picture taken for the hero");
}

#[test]
fn data_tables_are_kept_as_tables() {
    let a = extract_page("data-table.html", "https://rivers.example/levels");
    let table = a
        .body
        .iter()
        .find_map(|b| if let Block::Table(t) = b { Some(t) } else { None })
        .expect("a table");
    assert_eq!(extract::inline_text(&table.caption), "Peak levels, metres above datum");
    assert_eq!(table.head.len(), 1);
    assert_eq!(table.rows.len(), 3);
    assert_eq!(extract::inline_text(&table.rows[2][0].content), "Lower Ferry");
    assert!(text(&a).contains("highest since records began"));
}

#[test]
fn code_blocks_keep_whitespace_and_line_breaks() {
    let a = extract_page("code-block.html", "https://blog.example/rust-lines");
    let code: Vec<(Option<&str>, &str)> = a
        .body
        .iter()
        .filter_map(|b| {
            if let Block::Code { language, text } = b {
                Some((language.as_deref(), text.as_str()))
            } else {
                None
            }
        })
        .collect();
    assert_eq!(code.len(), 2);
    assert_eq!(code[0].0, Some("rust"));
    assert!(
        code[0].1.contains("fn main() -> std::io::Result<()> {\n    let file"),
        "{}",
        code[0].1
    );
    assert!(code[0].1.contains("        println!(\"{}\", line?);\n"));
    assert_eq!(code[1].1, "first line\n    indented second line\nthird line");
}

#[test]
fn titles_keep_the_whole_headline_and_drop_the_site() {
    let a = extract_page("title-and-byline.html", "https://courier.example/storm");
    assert_eq!(a.title, "Storm warning - what to expect tonight: a guide");
}

#[test]
fn bylines_have_no_by_and_no_date() {
    let a = extract_page("title-and-byline.html", "https://courier.example/storm");
    assert_eq!(a.byline.as_deref(), Some("Jane Doe"));
    assert!(!text(&a).contains("Jane Doe"), "the byline is shown once, in the header");
}

#[test]
fn paragraphs_never_glue_together() {
    let snap = parse("<html><body><article><div>First paragraph ends here.</div><div>Second one starts here and goes on for a while so that the page has some text in it to read.</div><p>A third<br>with a break, and more words to make it count as a real paragraph of the article.</p><p>That movie was<a href=\"https://x.example/\"> poorly received</a> by critics, and it flopped at the box office.</p></article></body></html>").unwrap();
    let a = extract::extract(&snap, &Options::default()).unwrap();
    let t = text(&a);
    assert!(t.contains("here.\nSecond"), "{t:?}");
    assert!(t.contains("A third\nwith"), "{t:?}");
    assert!(t.contains("was poorly received"), "{t:?}");
}

#[test]
fn timestamps_counters_promos_and_blog_captions_are_not_paragraphs() {
    let a = extract_page("stamps-and-captions.html", "https://port.example/news/dredging");
    let t = text(&a);
    assert!(
        t.contains("deepen the main channel") && t.contains("publish the disposal plan"),
        "{t}"
    );
    // A line that links a headline is a promo; one that links a name is a credit.
    assert!(t.contains("Illustrations by Inès Varga"), "{t}");
    for furniture in ["Published", "4:00 am", "1 of 3", "2 of 3", "Updated 9:15", "Read more"] {
        assert!(!t.contains(furniture), "{furniture:?} kept: {t}");
    }
    let captions: Vec<String> =
        figures(&a).iter().map(|i| extract::inline_text(&i.caption)).collect();
    assert_eq!(
        captions,
        ["The dredger that will do the work, seen at its home port.", "The channel at low tide."]
    );
    let paragraphs = a.body.iter().filter(|b| matches!(b, Block::Paragraph { .. })).count();
    assert_eq!(paragraphs, 4, "captions read as paragraphs: {:?}", a.body);
    assert_eq!(a.byline.as_deref(), Some("Tomas Reyl"));
}

#[test]
fn credit_lines_go_to_their_picture_and_leftover_ones_go() {
    let a = extract_page("credit-lines.html", "https://lenne.example/news/mill");
    let t = text(&a);
    assert!(t.contains("The new wheel is oak") && t.contains("Photos show the mill"), "{t}");
    for credit in ["Photo:", "Jana Wolff", "Фото", "Анны Кох"] {
        assert!(!t.contains(credit), "{credit:?} kept: {t}");
    }
    let credits: Vec<Option<&str>> = figures(&a).iter().map(|i| i.credit.as_deref()).collect();
    assert_eq!(credits, [Some("Photo: Jana Wolff/Lenne Courier")]);
}

#[test]
fn teasers_under_a_more_stories_label_go_with_their_label_and_the_pages_own_tabs_stay() {
    let a = extract_page("teaser-labels.html", "https://money.example/story/neo-banks/");
    let t = text(&a);
    assert!(
        t.contains("the condition is the same") && t.contains("Round-ups move the change"),
        "{t}"
    );
    assert!(t.contains("More ways to save") && t.contains("Pots"), "the page's own tabs went: {t}");
    assert!(
        t.contains("Popular tips") && t.contains("the day your pay arrives"),
        "the article's own list went: {t}"
    );
    // Lists and rails of cards alike, their headlines inside the link or beside it.
    for teaser in [
        "More Great Stories",
        "Streamers must unionize",
        "Our perceptions are",
        "use gravity",
        "PENSION PANIC",
        "Savers pull out",
        "your mortgage",
    ] {
        assert!(!t.contains(teaser), "{teaser:?} kept: {t}");
    }
}

#[test]
fn the_sites_header_goes_where_a_page_wide_wrapper_won_and_a_banner_in_the_story_stays() {
    let a =
        extract_page("site-banner.html", "https://islandpost.example/news/local/ferry-terminal");
    let t = text(&a);
    assert!(t.starts_with("The harbour board put off its vote"), "{t}");
    assert!(
        !t.contains("Editions") && !t.contains("Outer Isles"),
        "the site's header came along: {t}"
    );
    assert!(t.contains("The board meets again on 12 March"), "a banner inside the story went: {t}");
}

#[test]
fn subheads_in_the_schema_org_article_body_stay_whatever_their_class() {
    let a = extract_page("subheads-in-article-body.html", "https://islandpost.example/news/budget");
    let headings = support::article::headings(&a);
    assert_eq!(
        headings,
        ["The terminal waits for the tides", "Moorings cost more, but not for fishermen"],
        "{}",
        text(&a)
    );
    assert!(!text(&a).contains("Comments"), "{}", text(&a));
}

#[test]
fn the_sites_sign_off_goes_and_the_writers_bio_and_quotes_stay() {
    let a = extract_page("signoff.html", "https://courier.example/news/slogan");
    let t = text(&a);
    assert!(
        t.contains("So I think that's working") && t.contains("Jana Wolff covers the statehouse"),
        "{t}"
    );
    assert!(
        !t.contains("Have a tip") && !t.contains("may be reached") && !t.contains("let us know"),
        "{t}"
    );
}

#[test]
fn sign_in_pages_are_no_article_but_short_briefs_are() {
    let snap = parse(&fixture("sign-in.html")).unwrap();
    assert_eq!(extract::extract(&snap, &Options::default()), Err(ExtractError::NoArticle));
    assert!(!extract::readerable(&snap));
    // The same page with the form built by a script, out of plain boxes.
    let formless = fixture("sign-in.html")
        .replace("<form method=\"post\" action=\"/session\">", "<div class=\"form\">")
        .replace("</form>", "</div>");
    assert_eq!(
        extract::extract(&parse(&formless).unwrap(), &Options::default()),
        Err(ExtractError::NoArticle)
    );
    // A sign-in page that asks for the e-mail address first has no password field.
    let snap = parse(&fixture("sign-in-email-first.html")).unwrap();
    assert_eq!(extract::extract(&snap, &Options::default()), Err(ExtractError::NoArticle));
    assert!(!extract::readerable(&snap));
    // The same box asking for an e-mail address to send a newsletter to is no sign-in form.
    let newsletter = fixture("sign-in-email-first.html").replace("Log in with email", "Subscribe");
    assert!(extract::extract(&parse(&newsletter).unwrap(), &Options::default()).is_ok());
    // A brief of three short paragraphs, on a page with a login box: still an article.
    let a = extract_page("brief-with-login-box.html", "https://coast.example/news/ferry-times");
    let t = text(&a);
    assert!(t.contains("leave at 6.40am") && t.contains("posted at both terminals"), "{t}");
    assert!(!t.contains("Password"), "{t}");
}

#[test]
fn pages_without_an_article_say_so() {
    let snap = parse(&fixture("no-article.html")).unwrap();
    assert_eq!(extract::extract(&snap, &Options::default()), Err(ExtractError::NoArticle));
    assert_eq!(ExtractError::NoArticle.to_string(), "no article found");
    assert!(!extract::readerable(&snap));
    let para = "<p>A paragraph of real prose runs on for a good while, long enough that a reader would stop here and read it through to the end, as readers of articles do.</p>";
    let article =
        parse(&format!("<html><body><article>{}</article></body></html>", para.repeat(6))).unwrap();
    assert!(extract::readerable(&article));
}

/// A page of `n` paragraphs inside `depth` nested divs, plus a wide comment section.
fn huge_page(paragraphs: usize, depth: usize) -> String {
    let mut s = String::from("<html><head><title>Huge</title></head><body>");
    s.push_str(&"<div>".repeat(depth));
    for i in 0..paragraphs {
        s.push_str(&format!("<p>Paragraph {i} has enough words, commas, and length to vote for its container, like real prose does.</p>"));
    }
    s.push_str(&"</div>".repeat(depth));
    s.push_str("<div class=\"comments\">");
    for i in 0..paragraphs {
        s.push_str(&format!(
            "<div class=\"comment\"><a href=\"/u/{i}\">user {i}</a><span>nice</span></div>"
        ));
    }
    s.push_str("</div></body></html>");
    s
}

#[test]
fn huge_and_deep_pages_are_fast_and_safe() {
    for (paragraphs, depth) in [(20_000, 10), (50, 20_000)] {
        let snap = parse(&huge_page(paragraphs, depth)).unwrap();
        let started = std::time::Instant::now();
        let a = extract::extract(&snap, &Options::default()).expect("an article");
        let took = started.elapsed();
        assert!(a.word_count >= paragraphs * 10, "{paragraphs} paragraphs: {} words", a.word_count);
        // Generous for debug builds on a shared machine; quadratic work would take minutes.
        assert!(took.as_secs_f32() < 20.0, "{paragraphs}x{depth}: {took:?}");
        let _ = extract::readerable(&snap);
    }
}
