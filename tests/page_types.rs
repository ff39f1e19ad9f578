//! Pages that are not articles (issue 15): a shop's product page, a listing of entries. Each rule stands on a
//! published convention the page uses to say what it is, so each test has the page with and
//! without that convention.

mod support;

use declutter::clutter::ClutterKind;
use declutter::dom::html::parse;
use declutter::extract::{self, block_text, Block, Options};
use declutter::pipeline;
use std::io::Read;

/// The body text of a page given as HTML text, or `None` for "no article found".
fn text_of(html: &str) -> Option<String> {
    let a = extract::extract(&parse(html).ok()?, &Options::default()).ok()?;
    let mut text = String::new();
    a.body.iter().for_each(|b| block_text(b, &mut text));
    Some(text)
}

/// A shop's page for a kettle: a short description and specifications, under it customer
/// reviews that hold more text than the description. `head` says (or not) what the page is.
fn kettle_page(head: &str) -> String {
    let review = "<div class=\"review-item\"><p>I bought this kettle for my office, and it boils \
                  water quickly, quietly, and the handle stays cool, which is great.</p></div>";
    format!(
        "<html><head>{head}</head><body><main><h1>Electric kettle</h1>\
         <div class=\"product-description\"><p>A stainless steel kettle with a 1.7 litre tank, \
         a keep-warm mode, and a base that turns all the way round, for either hand.</p>\
         <table><tr><th>Power</th><td>2200 W</td></tr><tr><th>Capacity</th><td>1.7 l</td></tr>\
         </table></div>\
         <section id=\"reviews\" class=\"product-reviews\"><h2>Customer reviews</h2>{}</section>\
         </main></body></html>",
        review.repeat(6)
    )
}

#[test]
fn a_product_page_reads_as_its_description_not_its_reviews() {
    let product = r#"<script type="application/ld+json">{"@context": "https://schema.org",
        "@type": "Product", "name": "Electric kettle"}</script>"#;
    let text = text_of(&kettle_page(product)).unwrap();
    assert!(text.contains("keep-warm mode") && text.contains("2200 W"), "{text}");
    assert!(!text.contains("office"), "{text}");
    let by_og = text_of(&kettle_page(r#"<meta property="og:type" content="product">"#)).unwrap();
    assert!(by_og.contains("keep-warm mode") && !by_og.contains("office"), "{by_og}");
    // Without the declaration the reviews, the longest text, are what the page is read as.
    let plain = text_of(&kettle_page("")).unwrap();
    assert!(plain.contains("office"), "{plain}");
}

/// The body text the CLI prints for a page (its clutter left out), or `None`.
fn read_text(html: &str) -> Option<String> {
    let a = pipeline::read(&parse(html).ok()?, None, &ClutterKind::ALL).article.ok()?;
    let mut text = String::new();
    a.body.iter().for_each(|b| block_text(b, &mut text));
    Some(text)
}

/// A page of the in-repo wcxb-dev sample, unzipped.
fn wcxb_page(id: &str) -> String {
    let path = format!("{}/tests/corpus/wcxb-dev/html/{id}.html.gz", env!("CARGO_MANIFEST_DIR"));
    let gz = std::fs::read(path).unwrap();
    let mut html = String::new();
    flate2::read::MultiGzDecoder::new(&gz[..]).read_to_string(&mut html).unwrap();
    html
}

#[test]
fn a_description_that_casts_no_vote_is_read_from_the_block_the_page_declares() {
    // wcxb-dev 2947 (tuning part): a shop's guitar, its description a list of specs in short
    // lines, marked `itemprop="description"` inside the schema.org `Product` item.
    let html = wcxb_page("2947");
    let text = read_text(&html).unwrap();
    for spec in ["Pickups: 3 Player Series Alnico 5 Strat single coils", "Item number 595247"] {
        assert!(text.contains(spec), "{spec} missing from {text}");
    }
    assert!(!text.contains("customers who viewed this product"), "{text}");
    // Without the microdata nothing on the page votes: no article.
    let plain = html.replace(r#"itemprop="description""#, "");
    assert!(read_text(&plain).is_none_or(|t| !t.contains("Strat single coils")));
}

#[test]
fn a_product_page_leaves_out_questions_and_answers_marked_as_such() {
    let faq = "<div itemscope itemtype=\"https://schema.org/Question\"><h3>Can it boil milk?</h3>\
               <div itemscope itemtype=\"https://schema.org/Answer\"><p>No, the kettle is made \
               for water only, and milk would burn onto its heating plate, which voids the \
               warranty.</p></div></div>";
    let page = kettle_page(r#"<meta property="og:type" content="product">"#).replace(
        "<section id=\"reviews\"",
        &format!("<section>{}</section><section", faq.repeat(6)),
    );
    let text = text_of(&page).unwrap();
    assert!(text.contains("keep-warm mode") && !text.contains("heating plate"), "{text}");
    // The same questions on a page that is no product are its content.
    let plain = text_of(&kettle_page("").replace(
        "<section id=\"reviews\"",
        &format!("<section>{}</section><section", faq.repeat(6)),
    ));
    assert!(plain.unwrap().contains("heating plate"));
}

/// The article of a page as the CLI reads it.
fn read_article(html: &str) -> extract::Article {
    pipeline::read(&parse(html).unwrap(), None, &ClutterKind::ALL).article.unwrap()
}

/// The first table of an article whose rows are (name, value) pairs, as text.
fn spec_rows(a: &extract::Article) -> Option<Vec<(bool, String, String)>> {
    let text = |c: &extract::Cell| extract::inline_text(&c.content);
    a.body.iter().find_map(|b| match b {
        Block::Table(t) if t.rows.iter().all(|r| r.len() == 2) => {
            Some(t.rows.iter().map(|r| (r[0].header, text(&r[0]), text(&r[1]))).collect())
        }
        _ => None,
    })
}

#[test]
fn a_products_name_value_list_is_a_two_column_table_in_the_reader() {
    // wcxb-dev 4195: a shop's sandal (og:type product), its details a list of
    // `<strong>Upper:</strong> Durable ...` items.
    let html = wcxb_page("4195");
    let a = read_article(&html);
    let rows = spec_rows(&a).expect("a specification table");
    assert_eq!((rows[0].0, rows[0].1.as_str()), (true, "Upper"), "{rows:?}");
    assert!(rows[0].2.starts_with("Durable Birko-Flor"), "{rows:?}");
    assert!(rows.iter().any(|r| r.1 == "Footbed"), "{rows:?}");
    let page = declutter::render::to_html(&a);
    assert!(page.contains(r#"<div class="dc-table dc-specs">"#), "{page}");
    assert!(page.contains(r#"<th scope="row">Upper</th>"#), "{page}");
    // The same list on a page that does not say it is a product stays a list.
    let plain = read_article(&html.replace(r#"content="product""#, r#"content="website""#));
    assert!(spec_rows(&plain).is_none_or(|r| !r.iter().any(|r| r.1 == "Upper")));
}

#[test]
fn a_products_term_list_is_a_table_and_a_glossary_stays_as_written() {
    let specs = "<dl><dt>Power:</dt><dd>2200 W</dd><div><dt>Capacity</dt><dd>1.7 l</dd></div>\
                 <dt>Cord</dt><dd>75 cm</dd></dl>";
    let glossary = "<dl><dt>Limescale</dt><dd>The chalky white layer that hard water leaves \
                    inside a kettle, which a spoon of citric acid in boiling water takes off in \
                    a few minutes without scrubbing.</dd><dt>Keep-warm</dt><dd>A mode that \
                    holds the water at the chosen temperature for up to an hour after it boils \
                    so that a second cup is ready.</dd></dl>";
    let page = kettle_page(r#"<meta property="og:type" content="product">"#)
        .replace("</table></div>", &format!("</table>{specs}{glossary}</div>"));
    let a = read_article(&page);
    let tables: Vec<_> = a.body.iter().filter(|b| matches!(b, Block::Table(_))).collect();
    // The page's own table and the term list; the glossary is no table.
    assert_eq!(tables.len(), 2, "{:?}", a.body);
    let Block::Table(t) = tables[1] else { unreachable!() };
    let names: Vec<_> = t.rows.iter().map(|r| extract::inline_text(&r[0].content)).collect();
    assert_eq!(names, ["Power", "Capacity", "Cord"]);
    let mut text = String::new();
    for b in &a.body {
        block_text(b, &mut text);
        text.push('\n');
    }
    assert!(text.contains("Limescale\nThe chalky"), "{text}");
}

#[test]
fn an_article_that_reviews_a_product_keeps_its_review() {
    let head = r#"<meta property="og:type" content="article">
        <script type="application/ld+json">{"@type": "Product", "name": "Electric kettle"}</script>"#;
    let text = text_of(&kettle_page(head)).unwrap();
    assert!(text.contains("office"), "{text}");
}

/// A news front page: a consent notice, then entries of a linked headline over one line of
/// summary, the way feeds and card grids are written (`entry` writes one).
fn front_page(entry: impl Fn(&str, &str) -> String) -> String {
    let notice = "We and our partners store and access information on your device, such as \
                  cookies, and process personal data, such as unique identifiers. "
        .repeat(8);
    let stories = [
        ("A new species of gecko is found on a remote island", "Biologists describe its calls."),
        ("Why the night sky is getting brighter every year", "Volunteers measured city light."),
        ("The last tram of the old line runs on Sunday", "A hundred years of service end."),
        ("Bakers of the valley share a sourdough starter", "It is older than the village hall."),
    ];
    let entries: String = stories.iter().map(|(h, s)| entry(h, s)).collect();
    format!(
        "<html><head><title>News</title></head><body><div id=\"consent\"><p>{notice}</p><p>{notice}</p></div>\
         <nav><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav>\
         <main>{entries}</main></body></html>"
    )
}

/// The article of a page whose consent notice the clutter classifier found (as the pipeline
/// passes it), or `None` for "no article found".
fn without_notice(html: &str) -> Option<extract::Article> {
    let snap = parse(html).ok()?;
    let notice = snap.iter().find(|n| n.attr("id") == Some("consent"))?.id();
    let at = Options { url: Some("https://news.example/".into()), ..Options::default() };
    extract::extract_excluding(&snap, &at, &[notice]).ok()
}

#[test]
fn a_listing_reads_as_a_list_of_its_entries() {
    let page = front_page(|h, s| {
        format!("<article><h2><a href=\"/story\">{h}</a></h2><p>{s}</p></article>")
    });
    // The notice out-writes the entries and wins the vote; once it is left out, the entries
    // are what the page holds.
    let a = without_notice(&page).expect("the entries");
    let mut text = String::new();
    a.body.iter().for_each(|b| block_text(b, &mut text));
    assert!(text.contains("remote island") && text.contains("older than the village"), "{text}");
    assert!(!text.contains("cookies") && !text.contains("World"), "{text}");
    // One list item per entry: its headline's link, then its summary.
    let Some(Block::List { items, .. }) = a.body.last() else { panic!("{:?}", a.body) };
    assert_eq!(items.len(), 4, "{items:?}");
    assert!(matches!(&items[1][..], [Block::Heading { .. }, Block::Paragraph { .. }]), "{items:?}");
    // The same words as bare links are a page of links: no article.
    let links =
        front_page(|h, s| format!("<div><a href=\"/story\">{h}</a> <a href=\"/s\">{s}</a></div>"));
    assert!(without_notice(&links).is_none());
}

#[test]
fn a_documentation_note_is_set_apart_and_its_navigation_left_out() {
    let page = format!(
        "<html><body><nav class=\"sidebar\"><a href=\"/a\">Install</a> <a href=\"/b\">Usage</a></nav>\
         <div role=\"main\"><div class=\"body\"><h1>Usage</h1><p>{}</p>\
         <div class=\"admonition warning\"><p class=\"admonition-title\">Warning</p>\
         <p>Back up the database before you upgrade.</p></div>\
         <pre><code>tool upgrade --all</code></pre></div></div></body></html>",
        "The tool reads its settings from one file, and every command can override them. ".repeat(6)
    );
    let a = extract::extract(&parse(&page).unwrap(), &Options::default()).unwrap();
    let note = a.body.iter().find_map(|b| match b {
        Block::Note { blocks } => Some(blocks),
        _ => None,
    });
    let mut text = String::new();
    note.expect("a note").iter().for_each(|b| block_text(b, &mut text));
    assert!(text.contains("Back up the database"), "{text}");
    assert!(a
        .body
        .iter()
        .any(|b| matches!(b, Block::Code { text, .. } if text.contains("upgrade"))));
    let html = declutter::render::to_html(&a);
    assert!(html.contains("<aside class=\"dc-note\"><p>Warning</p><p>Back up"), "{html}");
    assert!(!html.contains("Install"), "{html}");
}

#[test]
fn a_thread_shows_each_post_with_its_author_as_a_small_header() {
    let post = |who: &str, said: &str| {
        format!(
            "<div itemscope itemtype=\"https://schema.org/Comment\">\
             <div itemprop=\"author\" itemscope itemtype=\"https://schema.org/Person\">\
             <span itemprop=\"name\">{who}</span></div>\
             <div itemprop=\"text\"><p>{said}</p></div></div>"
        )
    };
    let page = format!(
        "<html><body><main itemscope itemtype=\"https://schema.org/DiscussionForumPosting\">\
         <h1 itemprop=\"headline\">Which sourdough flour?</h1>{}{}{}</main></body></html>",
        post(
            "marta",
            &"I feed my starter rye flour, and it rises twice as fast as with wheat. ".repeat(3)
        ),
        post(
            "jonas",
            &"Rye works, but a strong white flour gives a milder loaf, in my oven at least. "
                .repeat(3)
        ),
        post(
            "ines",
            &"Both, mixed half and half, and a longer rest in the fridge overnight. ".repeat(3)
        ),
    );
    let a = extract::extract(&parse(&page).unwrap(), &Options::default()).unwrap();
    let authors = post_authors(&a);
    // The first post's author is the thread's, in the reader's header.
    assert_eq!(a.byline.as_deref(), Some("marta"));
    assert_eq!(authors, ["jonas", "ines"], "{:?}", a.body);
    // Each author comes just before their post.
    let mut text = String::new();
    a.body.iter().for_each(|b| block_text(b, &mut text));
    let at = |s: &str| text.find(s).unwrap();
    assert!(
        at("rye flour") < at("jonas") && at("jonas") < at("milder") && at("milder") < at("ines")
    );
}

/// The body text of a page of the in-repo wcxb-dev sample.
fn wcxb_text(id: &str) -> String {
    let path = format!("{}/tests/corpus/wcxb-dev/html/{id}.html.gz", env!("CARGO_MANIFEST_DIR"));
    let snap = declutter::dom::html::parse_bytes(&std::fs::read(path).unwrap()).unwrap();
    let a = extract::extract(&snap, &Options::default()).unwrap();
    let mut text = String::new();
    a.body.iter().for_each(|b| block_text(b, &mut text));
    text
}

#[test]
fn a_thread_reads_as_all_its_posts_in_order() {
    // Real threads where the voting crowns one post: a Stack Exchange question marked up as
    // schema.org Question/Answer, a XenForo thread and a phpBB topic without post microdata
    // (posts in sibling boxes with numbered ids: `post-123`, `p123`). Each sentence opens a
    // different post; the first is the question or the opening post.
    let threads: [(&str, [&str; 3]); 3] = [
        (
            "0360",
            [
                "I am planning to move to a new country this autumn",
                "Things are different when you're considering short",
                "Many low-costs offer one-way tickets",
            ],
        ),
        (
            "0517",
            [
                "I wanted to come here to share a list",
                "Locations: United States (Premium), Canada",
                "why no one mentioned NameHero",
            ],
        ),
        (
            "0538",
            [
                "I think it's time for a new advice request",
                "I think as long as you know yourself",
                "Again, I really appreciate your responses",
            ],
        ),
    ];
    for (id, posts) in threads {
        let text = wcxb_text(id);
        let at: Vec<Option<usize>> = posts.iter().map(|p| text.find(p)).collect();
        assert!(at.iter().all(Option::is_some), "{id}: posts missing {at:?}\n{text}");
        assert!(at.windows(2).all(|w| w[0] < w[1]), "{id}: posts out of order {at:?}");
    }
}

#[test]
fn a_page_that_declares_a_discussion_reads_its_posts_though_they_are_named_comments() {
    // wcxb-dev 0548 (tuning part): an Invision Community topic, every post an `ipsComment`; its
    // JSON-LD declares a `DiscussionForumPosting`. Without the declaration the comments never
    // replace the scrap found before them (the title and "Jump to content").
    let html = wcxb_page("0548");
    let text = text_of(&html).unwrap();
    let first = text.find("Hi have a few orders where the customer did not pay");
    let reply = text.find("It's not easy because in general, payment modules");
    assert!(first.is_some() && first < reply, "{text:.400}");
    let undeclared = html.replace("\"DiscussionForumPosting\"", "\"WebPage\"");
    let scrap = text_of(&undeclared).unwrap_or_default();
    assert!(!scrap.contains("Hi have a few orders"), "{scrap:.400}");
}

#[test]
fn a_posts_tally_of_likes_is_left_out() {
    // wcxb-dev 0504 (tuning part): a Discourse topic, each post closing with "N Likes".
    let text = wcxb_text("0504");
    assert!(text.contains("MSRV"), "{text}");
    assert!(!text.contains("1 Like") && !text.contains("7 Likes"), "{text}");
}

#[test]
fn a_posts_edited_stamp_is_left_out() {
    // wcxb-dev 0548 (tuning part): Invision prints "Posted October 30, 2025 (edited)" over each
    // edited post, a line of its own like any post's date.
    let text = wcxb_text("0548");
    assert!(text.contains("Hi have a few orders"), "{text}");
    assert!(!text.contains("(edited)"), "{text}");
}

#[test]
fn a_declared_thread_reads_every_marked_post_as_its_text() {
    // wcxb-dev 4087 (tuning part): a forum topic in microdata, the topic a
    // `DiscussionForumPosting` with its `articleBody`, each reply a `Comment` with its `text`.
    // The vote took the box around them all and the cleaning cut the replies as comments; each
    // reply's header ("Posted by", the poster's post count) is the engine's, not the post's.
    let text = text_of(&wcxb_page("4087")).unwrap();
    let first = text.find("Although we have traveled extensively");
    let reply = text.find("finalizing our 22 day trip");
    let last = text.find("Kensho Quest");
    assert!(first.is_some() && first < reply && reply < last, "{text:.600}");
    assert!(!text.contains("Posted by") && !text.contains("4931 posts"), "{text:.600}");
}

#[test]
fn a_reply_reads_without_its_quote_of_an_earlier_post() {
    // wcxb-dev 2081 (tuning part): a XenForo thread whose replies are marked as `Comment`s and
    // whose opening post is not; two replies quote it whole. The opening post reads first, in
    // its place, and once.
    let text = text_of(&wcxb_page("2081")).unwrap();
    let opening = "my name is Tomas and I come from the Czech Republic";
    assert_eq!(text.matches(opening).count(), 1, "{text:.900}");
    let reply = text.find("I'd rather say: An English Course in Car Rental");
    assert!(text.find(opening) < reply, "{text:.900}");
    assert!(text.contains("Perhaps: \"English for Car Rental businesses\"."), "{text:.900}");
}

#[test]
fn an_unmarked_post_reads_as_its_engines_text_box() {
    // wcxb-dev 0538 (tuning part): a phpBB topic, each post a `div.post` holding its title, its
    // "by ... »" line, the poster's profile (post count, join date) and its text in `div.content`.
    let text = wcxb_text("0538");
    assert!(text.contains("I think it's time for a new advice request"), "{text:.600}");
    for furniture in ["Posts: 524", "Joined: Mon Jul 24, 2017", "by changingtimes »"] {
        assert!(!text.contains(furniture), "{furniture}: {text:.600}");
    }
}

#[test]
fn a_posters_profile_reads_as_the_name_alone() {
    // wcxb-dev 0536 (tuning part): a phpBB topic whose vote took the box of the whole thread;
    // each post's `dl.postprofile` holds the poster's name in its `dt` and their post count,
    // join date, rank and custom fields in `dd`s.
    let text = wcxb_text("0536");
    assert!(text.contains("multiOS"), "{text:.600}");
    for detail in ["Posts: 1725", "Joined: 14. Sep 2019", "Location: United Kingdom", "Volunteer"] {
        assert!(!text.contains(detail), "{detail}: {text:.600}");
    }
}

#[test]
fn a_short_post_beside_its_posters_profile_is_kept() {
    // wcxb-dev 0536 (tuning part): the opening posts are a line or two under the post's linked
    // title and "by ... »" line, which made them read as link lists.
    let text = wcxb_text("0536");
    for post in ["You can download the release", "Tests underway.", "Not working with NAT"] {
        assert!(text.contains(post), "{post}: {text:.600}");
    }
}

#[test]
fn a_replys_title_after_re_is_left_out() {
    // wcxb-dev 0536 (tuning part): phpBB titles every reply "Re: " and the topic's title, in an
    // `h3` above the reply's text.
    let text = wcxb_text("0536");
    assert!(text.contains("Having upgraded from 7.1.0 Beta 2"), "{text:.600}");
    assert!(!text.contains("Re: Discuss the VirtualBox"), "{text:.600}");
}

#[test]
fn every_panel_of_a_tabs_widget_is_read() {
    // wcxb-dev 4411 (tuning part): a documentation page whose install steps sit in WAI-ARIA tabs
    // (Windows, macOS, Linux), each `role="tab"` naming its `role="tabpanel"` in
    // `aria-controls`; the panels but the first are `hidden` until their tab is picked.
    let text = wcxb_text("4411");
    assert!(text.contains("brew install azure-functions-core-tools@4"), "{text:.600}");
    assert!(text.contains("Install the Microsoft package repository GPG key"), "{text:.600}");
}

#[test]
fn a_thread_without_microdata_shows_each_posts_author() {
    // A phpBB topic and a XenForo thread name their posters in `username` boxes; each post opens
    // with that name as a small header, in order.
    for (id, first) in [
        ("0538", ["changingtimes", "invest4", "bonesly"]),
        ("0517", ["pelex", "CDB", "OneCountry"]),
    ] {
        let path =
            format!("{}/tests/corpus/wcxb-dev/html/{id}.html.gz", env!("CARGO_MANIFEST_DIR"));
        let snap = declutter::dom::html::parse_bytes(&std::fs::read(path).unwrap()).unwrap();
        let a = extract::extract(&snap, &Options::default()).unwrap();
        let authors = post_authors(&a);
        assert!(authors.starts_with(&first.map(String::from)), "{id}: {authors:?}");
    }
}

#[test]
fn a_page_streamed_by_react_is_read_with_its_late_part_in_place() {
    // wcxb-dev 4053: the article arrives as `<div hidden id="S:0">` after the footer, for a
    // script to swap in for the loading skeleton.
    let html = wcxb_page("4053");
    let text = text_of(&html).expect("the streamed article");
    assert!(text.starts_with("When people talk about “full EV cars”"), "{text:.300}");
    assert!(text.contains("support from EV specialists"), "{text:.300}");
    // Its placeholder now holds it, so the skeleton it replaced is gone and the page's footer
    // ("Buy an EV", a link list) comes after it, not before.
    let snap = parse(&html).unwrap();
    let body = snap.find(declutter::dom::Tag::Body).unwrap().text_content();
    assert!(body.find("full EV cars").unwrap() < body.find("EVs for sale").unwrap());
    // A segment no script fills stays hidden, as in the browser: the article is not read.
    let unfilled = text_of(&html.replace("id=\"S:0\"", "id=\"S:x0\""));
    assert!(unfilled.is_none_or(|t| !t.contains("full EV cars")));
}

#[test]
fn a_page_laid_out_by_a_page_builder_keeps_every_block_of_its_text() {
    // wcxb-dev 0353 (tuning part): an article laid out by Elementor, each heading, paragraph run
    // and picture in its own `elementor-widget-<kind>` box inside an `elementor-widget-container`.
    let html = wcxb_page("0353");
    let a = extract::extract(&parse(&html).unwrap(), &Options::default()).unwrap();
    let mut text = String::new();
    a.body.iter().for_each(|b| block_text(b, &mut text));
    for opening in [
        "Are you ready to dive headfirst",
        "If you pursue consulting",
        "Not every consultant will experience isolation",
    ] {
        assert!(text.contains(opening), "{opening:?} lost: {text:.400}");
    }
    let heads = support::article::headings(&a);
    assert!(heads.iter().any(|h| h == "Pro: Work with Smart, Impressive People"), "{heads:?}");
    // The same blocks under a sidebar's class words are furniture again.
    let sidebar = html.replace("elementor-widget-container", "widget-container");
    let t = text_of(&sidebar).unwrap_or_default();
    assert!(!t.contains("If you pursue consulting"), "{t:.400}");
}

#[test]
fn the_headings_of_a_divi_pages_modules_stay() {
    // wcxb-dev 4274 (tuning part): an article laid out by Divi, whose section heads are the titles
    // of its modules, each an `<h3 class="et_pb_module_header">`.
    let html = wcxb_page("4274");
    let a = extract::extract(&parse(&html).unwrap(), &Options::default()).unwrap();
    let heads = support::article::headings(&a);
    for head in ["Step 1: Define Your Brand and Goals", "Responsive Design", "High-Quality Copy"] {
        assert!(heads.iter().any(|h| h == head), "{head:?} lost: {heads:?}");
    }
    // The same heading named as a page header goes.
    let header = html.replace("et_pb_module_header", "page_header");
    let a = extract::extract(&parse(&header).unwrap(), &Options::default()).unwrap();
    let heads = support::article::headings(&a);
    assert!(!heads.iter().any(|h| h == "Responsive Design"), "{heads:?}");
}

#[test]
fn a_substack_posts_section_heads_stay() {
    // wcxb-dev 0472 (tuning part): a Substack post, each section head an
    // `<h2 class="header-anchor-post">` (its own link, not a page header).
    let html = wcxb_page("0472");
    let a = extract::extract(&parse(&html).unwrap(), &Options::default()).unwrap();
    let head = "Workflows vs. Agents: The Fundamental Difference";
    let heads = support::article::headings(&a);
    assert!(heads.iter().any(|h| h == head), "{heads:?}");
    let header = html.replace("header-anchor-post", "page-header-post");
    let a = extract::extract(&parse(&header).unwrap(), &Options::default()).unwrap();
    assert!(!support::article::headings(&a).iter().any(|h| h == head));
}

#[test]
fn a_drupal_field_whose_label_is_hidden_is_read() {
    // wcxb-dev 4242 (tuning part): a Drupal page whose every field, the answers of its FAQ too,
    // says `field--label-hidden`: the field's label is not shown, the field is.
    let html = wcxb_page("4242");
    let text = read_text(&html).unwrap();
    let answer = "Post-purchase rebates can only be issued in the form of a check";
    assert!(text.contains(answer), "{text:.600}");
    // Its offers' prices left out too, or its boxes would be read as priced entries whatever.
    let hidden = html.replace("field--label-hidden", "field--hidden").replace('$', "USD ");
    assert!(!read_text(&hidden).unwrap_or_default().contains(answer));
}

#[test]
fn an_accordions_closed_panels_are_read() {
    // wcxb-dev 4497 (tuning part): an article whose FAQ is an accordion, each question a
    // heading's `button aria-expanded="false"`, each answer in a `display:none` box after it.
    let html = wcxb_page("4497");
    let answer = "Battery-electric vehicles like the Ford Mustang Mach-E earn top safety scores";
    assert!(read_text(&html).unwrap().contains(answer));
    // Hidden boxes after a heading that opens nothing stay hidden.
    let plain = html.replace("aria-expanded=", "data-expanded=");
    assert!(!read_text(&plain).unwrap().contains(answer));
}

#[test]
fn the_rest_of_a_text_behind_a_read_more_button_is_read() {
    // wcxb-dev 0600 (tuning part): a shop's description whose second half sits in a
    // `display:none` box right after a `button aria-expanded="false"` ("Read More").
    let html = wcxb_page("0600");
    let rest = "Three layers of flowy dress with side zip";
    assert!(read_text(&html).unwrap().contains(rest));
    let plain = html.replace("aria-expanded=\"false\"", "data-expanded=\"false\"");
    assert!(!read_text(&plain).unwrap().contains(rest));
}

#[test]
fn a_landing_page_split_into_sections_is_read_from_its_main() {
    // wcxb-dev 4289 (tuning part): a service's page of eleven sibling bands in `<main>`, the
    // longest of which won the vote alone; the site's menus sit outside `<main>`.
    let html = wcxb_page("4289");
    let text = text_of(&html).unwrap();
    for band in [
        "For nearly thirty years, Check Point has set the standard",
        "Our Methodology and Building Blocks",
        "The Enterprise Security Architecture program",
    ] {
        assert!(text.contains(band), "{band:?} lost: {text:.400}");
    }
    assert!(!text.contains("Industrial Firewalls"), "{text:.400}");
    // Without the landmark only the crowned band is read.
    let plain = text_of(&html.replace("<main", "<div").replace("</main>", "</div>")).unwrap();
    assert!(!plain.contains("For nearly thirty years"), "{plain:.400}");
}

#[test]
fn a_page_cloaked_until_its_scripts_run_is_read() {
    // wcxb-dev 4020: everything sits in one `visibility:hidden` box that a script unveils.
    let html = wcxb_page("4020");
    let text = text_of(&html).expect("the cloaked tutorial");
    assert!(
        text.contains("Machine learning is a branch of Artificial Intelligence"),
        "{text:.300}"
    );
    // A hidden box beside other content is not a cloak: still left out.
    let beside =
        html.replacen("<div id=\"__next\">", "<div><p>Visible.</p></div><div id=\"__next\">", 1);
    assert!(text_of(&beside).is_none_or(|t| !t.contains("Machine learning is a branch")));
}

#[test]
fn a_reference_page_is_read_whole_from_the_box_its_site_declares() {
    // wcxb-dev 0689 (a command's manual page): its longest section, the options, out-votes the
    // rest; the site marks the whole text for its search indexer (`data-pagefind-body`).
    let html = wcxb_page("0689");
    // Read as the extension and the CLI read it: around the clutter the classifier hides.
    let read = |html: &str| {
        let snap = parse(html).unwrap();
        let kinds = declutter::clutter::ClutterKind::ALL;
        let a = declutter::pipeline::read(&snap, None, &kinds).article.unwrap();
        let mut text = String::new();
        a.body.iter().for_each(|b| block_text(b, &mut text));
        text
    };
    let text = read(&html);
    for part in ["git-commit - Record changes to the repository", "DESCRIPTION", "--reuse-message"]
    {
        assert!(text.contains(part), "{part}: {text:.300}");
    }
    assert!(text.contains("FILES"), "{text:.300}");
    // The sidebar's command index is not the page.
    assert!(!text.contains("Setup and Config"), "{text:.300}");
    // Without the mark, only the options are read.
    let unmarked = read(&html.replace("data-pagefind-body", "data-x"));
    assert!(!unmarked.contains("DESCRIPTION"), "{unmarked:.300}");
}

#[test]
fn a_heading_s_link_to_itself_is_left_out_but_a_linked_heading_stays() {
    let html = "<html><body><div class=\"body\" role=\"main\"><section><h2>Installing\
                <a class=\"headerlink\" href=\"#installing\" title=\"Link to this heading\">¶</a>\
                </h2><p>Run the installer, then restart the service, and check its log.</p>\
                <h2><a href=\"#usage\">Usage</a></h2><p>Call it with one argument, the name \
                of the file, and it prints the file's summary.</p></section></div></body></html>";
    let a = extract::extract(&parse(html).unwrap(), &Options::default()).unwrap();
    let headings = support::article::headings(&a);
    assert_eq!(headings, ["Installing", "Usage"]);
}

#[test]
fn a_service_page_keeps_the_faq_it_marks_up() {
    // wcxb-dev 4250 (an accounting service's pricing page): a schema.org `FAQPage` in
    // microdata, each question set in a link over an accordion box.
    let html = wcxb_page("4250");
    let text = text_of(&html).unwrap();
    assert!(text.contains("Can I change plans easily?"), "{text:.300}");
    assert!(text.contains("You bet! To upgrade to the Pro Plan"), "{text:.300}");
    // Unmarked, cleaning takes the answers for a link list.
    let unmarked = text_of(&html.replace("schema.org/FAQPage", "schema.org/WebPage")).unwrap();
    assert!(!unmarked.contains("You bet! To upgrade"), "{unmarked:.300}");
}

#[test]
fn a_service_page_keeps_the_faq_its_json_ld_names() {
    // wcxb-dev 0707 (a hiring service's page): the FAQ's questions are named in a JSON-LD
    // `FAQPage`; on the page each is a button over its answer.
    let html = wcxb_page("0707");
    let answer = "fewer than 3% make the cut";
    let text = text_of(&html).unwrap();
    assert!(text.contains(answer), "{text:.300}");
    // Neither a FAQ nor a service or a product (pages that are no article keep more): the answers go.
    let unnamed = html
        .replace("\"FAQPage\"", "\"WebPage\"")
        .replace("\"Service\"", "\"Thing\"")
        .replace("\"Product\"", "\"Thing\"");
    let unnamed = text_of(&unnamed).unwrap();
    assert!(!unnamed.contains(answer), "{unnamed:.300}");
}

/// The posts' author headers (the small headings a thread's posts open with), in order.
fn post_authors(a: &extract::Article) -> Vec<String> {
    a.body
        .iter()
        .filter_map(|b| match b {
            Block::Heading { level: 6, content } => Some(extract::inline_text(content)),
            _ => None,
        })
        .collect()
}

/// A page of tests/fixtures/extract.
fn extract_fixture(name: &str) -> String {
    let path = format!("{}/tests/fixtures/extract/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(path).unwrap()
}

/// The article's blocks as lines of text.
fn lines(a: &extract::Article) -> Vec<String> {
    a.body
        .iter()
        .map(|b| {
            let mut text = String::new();
            block_text(b, &mut text);
            text.trim().to_owned()
        })
        .collect()
}

#[test]
fn an_app_shell_reads_as_the_question_and_answers_its_json_ld_states() {
    // A Q&A app that renders from script: the DOM holds an empty mount point, the JSON-LD a
    // `QAPage` whose question has an accepted answer and two suggested ones (HTML in their text).
    let html = extract_fixture("qa-app-shell.html");
    let a = extract::extract(&parse(&html).unwrap(), &Options::default()).expect("the stated Q&A");
    assert_eq!(post_authors(&a), ["crumbshot", "Marta Kowalski", "loafer", "oven_spring"]);
    let lines = lines(&a);
    let at = |s: &str| {
        lines.iter().position(|l| l.starts_with(s)).unwrap_or_else(|| panic!("{s}: {lines:#?}"))
    };
    // The question, the accepted answer, then the others in their order, a paragraph a line.
    assert!(at("I am going away") < at("Can I leave it in the fridge"));
    assert!(at("Can I leave it in the fridge") < at("Three weeks in the fridge"));
    assert!(at("Three weeks in the fridge") < at("When you come back"));
    assert!(
        at("When you come back") < at("You can also dry some")
            && at("You can also dry some") < at("I freeze a spoonful")
    );
    // Tags become breaks or nothing, and references their characters: plain text, never markup.
    assert!(lines.iter().all(|l| !l.contains('<') && !l.contains("&amp;")), "{lines:#?}");
    assert!(
        lines.iter().any(|l| l.contains("stiff meal the day you leave & put it")),
        "{lines:#?}"
    );
    assert!(
        lines.iter().any(|l| l.contains("in a small tub every spring as a back-up")),
        "{lines:#?}"
    );
    assert_eq!(a.title, "How do I keep a sourdough starter alive while travelling?");
    // Without the JSON-LD the shell has nothing to read.
    let bare = html.replace("application/ld+json", "application/json");
    assert!(extract::extract(&parse(&bare).unwrap(), &Options::default()).is_err());
}

#[test]
fn a_forum_shell_reads_as_the_posting_and_its_comments_its_json_ld_states() {
    // A forum thread saved before its script ran: an empty `<section id="main">`, and a JSON-LD
    // `DiscussionForumPosting` with its comments.
    let html = extract_fixture("forum-app-shell.html");
    let a =
        extract::extract(&parse(&html).unwrap(), &Options::default()).expect("the stated thread");
    assert_eq!(post_authors(&a), ["wetcommuter", "fixiefred", "Ana Ruiz"]);
    let lines = lines(&a);
    assert_eq!(lines.iter().filter(|l| !l.is_empty()).count(), 7, "{lines:#?}");
    assert!(lines[1].starts_with("Every winter") && lines[2].starts_with("Is a wet lube"));
    assert!(lines[6].starts_with("Wax is the other answer"), "{lines:#?}");
}

#[test]
fn a_product_page_cloaked_until_its_scripts_run_reads_as_its_stated_description() {
    // wcxb-dev 0583 (validation part): a Shopify product page whose whole product section sits
    // in a `display:none` box an app lifts from script; its JSON-LD `Product` states the
    // description, which the saved page shows nowhere else.
    let html = wcxb_page("0583");
    let text = text_of(&html).expect("the stated description");
    assert!(text.starts_with("DARKER ROAST FOR BOLDER DAYS."), "{text:.300}");
    assert!(text.contains("kick the midday crash to the curb"), "{text:.300}");
    assert!(text.contains("SUBSCRIBE & SAVE"), "{text:.300}");
    // A product named inside another item's properties is not a second product of the page.
    let nested = html.replacen(
        "\"@type\": \"Product\",",
        "\"@type\": \"Product\", \"isRelatedTo\": [{\"@type\": \"Product\"}],",
        1,
    );
    assert!(text_of(&nested).is_some_and(|t| t.starts_with("DARKER ROAST")));
    // Stated by a page of several products (a listing), a description is no page's content.
    let mug = "<script type=\"application/ld+json\">{\"@type\": \"Product\", \"name\": \"Mug\", \
               \"description\": \"A stoneware mug that holds a full pint of our darkest roast, glazed \
               black, safe in the dishwasher and the microwave.\"}</script>";
    let two = html.replacen("</head>", &format!("{mug}</head>"), 1);
    assert!(text_of(&two).is_none());
}

#[test]
fn a_page_whose_dom_has_its_article_is_read_from_the_dom_not_its_json_ld() {
    // The JSON-LD is a fallback: an article in the DOM is never replaced by the text its
    // JSON-LD states (here a different, shorter text).
    let body = "<p>The council approved the new cycle lanes on Tuesday after a long debate about \
                parking, deliveries and the cost of the work, which starts in the spring.</p>"
        .repeat(3);
    let html = format!(
        "<html><head><title>Cycle lanes approved</title><script type=\"application/ld+json\">\
         {{\"@type\": \"NewsArticle\", \"headline\": \"Cycle lanes approved\", \"articleBody\": \
         \"A summary the search engines get, long enough to be read as an article if it were the \
         only text: the lanes open next year.\"}}</script></head>\
         <body><article><h1>Cycle lanes approved</h1>{body}</article></body></html>"
    );
    let text = text_of(&html).unwrap();
    assert!(text.contains("The council approved") && !text.contains("search engines"), "{text}");
}

#[test]
fn a_page_built_of_aem_components_is_not_taken_for_a_consent_banner() {
    // wcxb-dev 0235 (tuning part): Adobe Experience Manager's core components name themselves
    // `cmp-<component>` (`cmp-container`, `cmp-text`); the page's opening section is one.
    let text = read_text(&wcxb_page("0235")).unwrap();
    assert!(text.contains("Grow your business with skilled accountants"), "{text:.300}");
    assert!(text.contains("Find an office near you"), "{text:.300}");
}

#[test]
fn a_product_page_keeps_its_description_tab_whatever_its_class_words() {
    // wcxb-dev 3052 (validation part): a game's store page, a schema.org `Product` in
    // microdata; its description sits in a box whose class words mark clutter on a story.
    let html = wcxb_page("3052");
    let about = "With federal agents and bounty hunters massing on their heels";
    let text = read_text(&html).unwrap();
    assert!(text.contains(about), "{text:.400}");
    // Declared an article, the same page gets the article cleaning: the box is cut.
    let article = html.replace("schema.org/Product", "schema.org/Article");
    let text = read_text(&article).unwrap();
    assert!(!text.contains(about), "{text:.400}");
}

/// A docs page whose code block has a line-number column, as Pygments writes it for Sphinx's
/// `:linenos:` (Rouge and Chroma's table mode are the same shape); `gutter` is its first cell.
fn numbered_code_page(gutter: &str) -> String {
    format!(
        "<html><head><meta name=\"generator\" content=\"Sphinx 7.2.6\"></head><body>\
         <div class=\"body\" role=\"main\"><h1>Reading a file</h1>\
         <p>Open the file in a context manager, so that it is closed when the block ends, \
         whatever happens inside it, and read it line by line to keep memory use flat.</p>\
         <div class=\"highlight-python notranslate\"><table class=\"highlighttable\"><tr>\
         <td class=\"linenos\"><div class=\"linenodiv\"><pre>{gutter}</pre></div></td>\
         <td class=\"code\"><div class=\"highlight\"><pre><span></span>with open(path) as f:\n\
         \x20   for line in f:\n        handle(line)\n</pre></div></td></tr></table></div>\
         <p>Each line keeps its newline; strip it where the handler does not want it, and \
         count lines with enumerate when the numbers matter to the caller.</p></div>\
         </body></html>"
    )
}

/// The code blocks of an article, in order.
fn code_blocks(a: &extract::Article) -> Vec<String> {
    (a.body.iter())
        .filter_map(|b| match b {
            Block::Code { text, .. } => Some(text.clone()),
            _ => None,
        })
        .collect()
}

#[test]
fn a_code_blocks_line_number_column_is_left_out() {
    let a = read_article(&numbered_code_page("1\n2\n3"));
    assert_eq!(
        code_blocks(&a),
        ["with open(path) as f:\n    for line in f:\n        handle(line)"]
    );
    // A cell of numbers that do not count up is output beside the code, kept.
    let a = read_article(&numbered_code_page("200\n404\n500"));
    assert_eq!(code_blocks(&a).len(), 2, "{:?}", code_blocks(&a));
}

#[test]
fn a_code_blocks_lines_stay_apart_where_only_the_style_sheet_breaks_them() {
    // wcxb-dev 2876 (tuning part): a docs page highlighted by Shiki, each line a
    // `<span class="line">` and no newline written between them.
    let a = read_article(&wcxb_page("2876"));
    let blocks = code_blocks(&a);
    assert!(
        blocks.iter().any(|c| c == "npm create vite@latest my-project\ncd my-project"),
        "{blocks:?}"
    );
    assert!(blocks.iter().any(|c| c.contains("export default defineConfig({\n")), "{blocks:?}");
}

#[test]
fn a_section_front_page_reads_as_its_entries_where_the_vote_found_a_few_words() {
    // wcxb-dev 2962 (tuning part): a news site's technology section, each entry a card that is
    // one link around its picture, headline and summary. The vote finds the box around them,
    // whose cleaning cuts the link-dense cards and keeps a few labels.
    let html = wcxb_page("2962");
    let story = "Armed robots take to the battlefield in Ukraine war";
    let url = Some("https://www.bbc.com/news/technology".to_owned());
    let a = pipeline::read(&parse(&html).unwrap(), url, &ClutterKind::ALL).article.unwrap();
    let mut text = String::new();
    a.body.iter().for_each(|b| block_text(b, &mut text));
    assert!(text.contains(story) && text.contains("deaf runners a fair start"), "{text:.400}");
    // The reader shows the entries as a list, one item per linked headline.
    let entries = a.body.iter().find_map(|b| match b {
        Block::List { items, .. } => Some(items.len()),
        _ => None,
    });
    assert!(entries.is_some_and(|n| n >= 10), "{:?}", a.body);
    // Each entry is its headline and summary; its line of credits ("58 mins ago") is left out.
    assert!(!text.contains("mins ago") && !text.contains("hrs ago"), "{text}");
    // Declared a schema.org article, the page keeps what the vote found.
    let article = html.replacen("<head>", &format!("<head>{NEWS_ARTICLE}"), 1);
    let text = read_text(&article).unwrap();
    assert!(!text.contains(story), "{text:.400}");
}

#[test]
fn a_thread_whose_posts_open_with_their_authors_name_is_no_listing() {
    // wcxb-dev 2081 (tuning part): a XenForo thread, each post headed by its author's name as a
    // linked `<h4>` inside the post's schema.org `author`; the vote finds one post.
    let url = Some("https://forum.example/threads/car-rental.1/".to_owned());
    let html = wcxb_page("2081");
    let a = pipeline::read(&parse(&html).unwrap(), url, &ClutterKind::ALL).article.unwrap();
    let mut text = String::new();
    a.body.iter().for_each(|b| block_text(b, &mut text));
    assert!(text.contains("currently working at a language school"), "{text:.400}");
    // Names over posts are no headlines of entries: the thread is not read whole as a listing,
    // quoted posts and all.
    assert!(!text.contains("Click to expand"), "{text:.400}");
}

/// A shop's category of trail shoes: a grid of cards (a picture, a linked name, a price), and
/// the JSON-LD `Product` of the first `stated` of them, each in its own script as shops write it.
fn shoe_shelf(stated: usize) -> String {
    let shoes = [
        ("Ridge Runner 2", "$120.00"),
        ("Scree Pro", "$135.50"),
        ("Canyon Lite", "$89.99"),
        ("Fell Racer GTX", "$150.00"),
    ];
    let ld: String = (shoes.iter().take(stated))
        .map(|(name, _)| {
            format!(
                "<script type=\"application/ld+json\">{{\"@context\": \"https://schema.org\", \
                 \"@type\": \"Product\", \"name\": \"{name}\"}}</script>"
            )
        })
        .collect();
    let cards: String = (shoes.iter().enumerate())
        .map(|(i, (name, price))| {
            format!(
                "<div class=\"card\"><a href=\"/p/{i}\"><img src=\"/i/{i}.jpg\" alt=\"\"></a>\
                 <a href=\"/p/{i}\">{name}</a><span class=\"amount\">{price}</span></div>"
            )
        })
        .collect();
    format!(
        "<html><head><title>Trail shoes</title>{ld}</head><body><main><h1>Trail shoes</h1>\
         <div class=\"grid\">{cards}</div></main></body></html>"
    )
}

#[test]
fn a_shelf_of_products_reads_as_its_cards() {
    for stated in [0, 4] {
        let text = text_of(&shoe_shelf(stated)).unwrap_or_default();
        assert!(text.contains("Scree Pro") && text.contains("$89.99"), "{stated}: {text}");
    }
    // The reader lists the cards, one item each, the name a link.
    let at = Options { url: Some("https://shop.example/trail".into()), ..Options::default() };
    let a = extract::extract(&parse(&shoe_shelf(0)).unwrap(), &at).unwrap();
    let Some(Block::List { items, .. }) = a.body.first() else { panic!("{:?}", a.body) };
    assert_eq!(items.len(), 4, "{items:?}");
    let item = format!("{:?}", items[1]);
    assert!(item.contains("https://shop.example/p/1") && item.contains("$135.50"), "{item}");
    // One product stated: a product's page, whose other products are no content.
    let text = text_of(&shoe_shelf(1)).unwrap_or_default();
    assert!(!text.contains("Fell Racer"), "{text}");
}

/// A schema.org article declared in JSON-LD, as a story's page writes it.
const NEWS_ARTICLE: &str = r#"<script type="application/ld+json">{"@context": "https://schema.org",
    "@type": "NewsArticle", "headline": "A story"}</script>"#;

#[test]
fn a_listing_that_calls_itself_an_article_in_open_graph_reads_as_its_entries() {
    // wcxb-dev 0203 (tuning part): a magazine's page of award winners, a short intro over
    // entries of a linked name and its firm; `og:type` says article, as its CMS writes on every
    // page. What the vote finds is the intro, shorter than a story.
    let html = wcxb_page("0203");
    let entry = "Boa Viagem Apartment";
    let text = read_text(&html).unwrap();
    assert!(
        text.contains("20th annual Best of Year Awards") && text.contains(entry),
        "{text:.400}"
    );
    // Declared a schema.org article, the page keeps what the vote found.
    let article = html.replacen("<head>", &format!("<head>{NEWS_ARTICLE}"), 1);
    let text = read_text(&article).unwrap();
    assert!(!text.contains(entry), "{text:.400}");
}

#[test]
fn entries_headed_by_their_own_h1_are_a_listing() {
    // wcxb-dev 0259 (tuning part): a news site's latest stories, each an `<article>` whose
    // headline is its own linked `<h1>`, as HTML5's sectioning allows; no paragraph votes.
    let url = Some("https://www.hospitalitynet.org/list/1-10/all-latest-news.html".to_owned());
    let html = wcxb_page("0259");
    let a = pipeline::read(&parse(&html).unwrap(), url, &ClutterKind::ALL).article.unwrap();
    let mut text = String::new();
    a.body.iter().for_each(|b| block_text(b, &mut text));
    assert!(text.contains("Elevating the All-Inclusive Model"), "{text:.400}");
    let entries = a.body.iter().find_map(|b| match b {
        Block::List { items, .. } => Some(items.len()),
        _ => None,
    });
    assert!(entries.is_some_and(|n| n >= 5), "{:?}", a.body);
}

#[test]
fn a_shelf_of_other_products_under_a_product_is_left_out() {
    // wcxb-dev 0608 (tuning part): a barbecue's page, under its description a "they go well
    // together" shelf of cards that each link to another product and state its price.
    let text = read_text(&wcxb_page("0608")).unwrap();
    assert!(text.contains("Son petit format est idéal pour les petits extérieurs"), "{text}");
    // The product's own compare control stays; the shelf's cards, each with one, go.
    assert_eq!(text.matches("Comparer Ne plus comparer").count(), 1, "{text}");
    assert!(!text.contains("-30%"), "{text}");
}

#[test]
fn a_products_description_rendered_twice_is_read_once() {
    // wcxb-dev 1377 (tuning part): a Squarespace product, a subscription, whose description
    // the theme writes twice, `hidden-md-down` and `hidden-md-up`: one copy for large screens,
    // one for small, the other hidden by the style sheet.
    let text = read_text(&wcxb_page("1377")).unwrap();
    assert_eq!(text.matches("Join me each week for a live, virtual").count(), 1, "{text}");
    assert_eq!(text.matches("Save 10% on all workshops").count(), 1, "{text}");
}

/// The kettle's page with `n` cards of teapots (a link and a price each) under its
/// description, in the description's box.
fn kettle_with_shelf(n: usize) -> String {
    let card = "<li><a href=\"/t\">Teapot</a><span>€ 39.90</span></li>";
    kettle_page(r#"<meta property="og:type" content="product">"#)
        .replace("</table></div>", &format!("</table><ul>{}</ul></div>", card.repeat(n)))
}

#[test]
fn a_shelf_that_is_most_of_a_product_page_is_kept() {
    let text = read_text(&kettle_with_shelf(3)).unwrap();
    assert!(text.contains("keep-warm mode") && !text.contains("Teapot"), "{text}");
    // Thirty cards out-write the description: the page is a category that calls itself a
    // product, and its cards are what it is about.
    let text = read_text(&kettle_with_shelf(30)).unwrap();
    assert!(text.contains("Teapot"), "{text}");
}

#[test]
fn a_products_specifications_in_a_closed_tab_are_read() {
    // wcxb-dev 2890 (tuning part): a graphics card's page, its specification table in a Bootstrap
    // `tab-pane` shown by a script (`display:none`), beside a closed tab of customer reviews.
    let html = wcxb_page("2890");
    let text = read_text(&html).unwrap();
    assert!(text.contains("Part Number\t90YV0KB3-M0AA00"), "{text}");
    assert!(text.contains("Memory Interface\t256-Bit"), "{text}");
    assert!(!text.contains("Customer Reviews of the ASUS"), "{text}");
    // Without the tab set's markup the hidden table is only hidden.
    let plain = read_text(&html.replace(r#"class="tab-pane""#, r#"class="pane""#)).unwrap();
    assert!(!plain.contains("90YV0KB3-M0AA00"), "{plain}");
}

#[test]
fn a_listing_declared_as_an_item_list_reads_its_entries() {
    // wcxb-dev 2974 (tuning part): a recipe site's collection whose cards are links around a
    // picture and a title, with no heading; its JSON-LD `ItemList` names each card's URL. The
    // vote read only the intro over them.
    let text = wcxb_text("2974");
    for title in
        ["Spaghetti and Meatballs", "Vodka Pizza", "Tomato Gravy Recipe", "Homemade Ketchup"]
    {
        assert!(text.contains(title), "{title}: {text}");
    }
}

#[test]
fn a_cards_caption_with_its_linked_headline_is_the_entry() {
    // wcxb-dev 4264 (tuning part): a shop's category, each product a Bootstrap thumbnail whose
    // `div.caption` (name, maker, item number as an `<h3>`, price) sits in the product's link.
    // Read as a picture's caption, every entry's text was lost.
    let text = wcxb_text("4264");
    for name in ["BenQ LK936ST 4K Short Throw Laser Projector", "Item Number: Samsung-LSP9T"] {
        assert!(text.contains(name), "{name} missing from {text}");
    }
}

#[test]
fn entries_deep_in_a_page_wide_box_are_read() {
    // wcxb-dev 4544 (tuning part): a WooCommerce category whose vote took the site's whole
    // `div#page`; its cleaning cut the product cards as link lists and kept the menus, and the
    // cards, read whole, held less than twice what it kept.
    let text = wcxb_text("4544");
    for name in ["4WD Gear Bag-Large", "Bush Cook Cutlery Roll"] {
        assert!(text.contains(name), "{name} missing from {text}");
    }
}

#[test]
fn a_headings_link_to_a_place_in_the_page_marks_no_entry() {
    // wcxb-dev 0258 (tuning part): a degree's page whose section headings link to their own
    // anchors (`<h4><a href="#ftschedule">`) and whose calls to action are linked headings;
    // read as a listing, the calls to action replaced the text.
    let text = wcxb_text("0258");
    assert!(text.contains("Master of Professional Accounting (MPA) program provides"));
    assert!(!text.contains("Schedule a Time to Talk"), "{text}");
}

#[test]
fn an_accordions_closed_panels_named_by_their_toggles_are_read() {
    // wcxb-dev 0693 (tuning part): a service's page whose features sit in an accordion, each
    // panel `aria-hidden` under a button in a `role="heading"` box that names it by
    // `aria-controls` (`aria-expanded="false"`), WAI-ARIA's accordion pattern.
    let text = read_text(&wcxb_page("0693")).unwrap();
    assert!(text.contains("Give agents a single workspace with complete customer views"), "{text}");
    assert!(text.contains("Grow your service operation efficiently."), "{text}");
}

#[test]
fn a_closed_menu_named_by_its_toggle_stays_hidden() {
    let page = |toggle: &str, panel: &str| {
        format!(
            "<html><body>{toggle}<main><h1>Our service</h1><p>{}</p>\
             <h3><button aria-expanded=\"false\" aria-controls=\"a1\">What does it cost?</button>\
             </h3><div id=\"a1\" hidden><p>Nothing at all for the first month of the plan.</p>\
             </div></main>{panel}</body></html>",
            "We plan, pack and move a household's goods, and set them up again. ".repeat(8)
        )
    };
    let menu =
        "<div id=\"m1\" hidden><p>Fourteen departments of the shop and all its offers.</p></div>";
    // A popup's toggle, and a panel in the site's `<nav>`: the site's menus, not the page's.
    for (toggle, panel) in [
        ("<button aria-expanded=\"false\" aria-haspopup=\"true\" aria-controls=\"m1\">Menu</button>", menu.to_string()),
        ("<button aria-expanded=\"false\" aria-controls=\"m1\">Menu</button>", format!("<nav>{menu}</nav>")),
    ] {
        let text = text_of(&page(toggle, &panel)).unwrap();
        assert!(text.contains("Nothing at all for the first month"), "{text}");
        assert!(!text.contains("Fourteen departments"), "{text}");
    }
}
