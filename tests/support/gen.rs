//! A generator of large, realistic Chinese district feeds (JSON Feed 1.1 +
//! `_district`): many categories and departments, several years of dates,
//! bodies, document numbers, reporters, tags. The same seed always gives the
//! same bytes.
//!
//! Two kinds of body ([`Bodies`]): short ones of a few stock sentences (the
//! tests' feeds, quick to make), and realistic ones of about 2 kB of
//! Chinese text, as a portal's articles are (people.cn's run 1–3 kB), that
//! compress as such text does (gzip to about a third) rather than to a
//! tenth: the benchmark's feeds, so their transfer is what a phone waits for.
//!
//! Used by `examples/gen_feed.rs` (a file for benchmarks and manual tests),
//! the benchmark and the soak run, and by the browser tests (a 10,000-item
//! feed made in the page).

#![allow(dead_code)]

use district_bulletin::model::dates::Civil;
use serde_json::{json, Value};

/// splitmix64: tiny, fast, and the same everywhere.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in `0..n` (n > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
    pub fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

pub const CATEGORIES: &[&str] = &[
    "通知公告",
    "政策解读",
    "生态环保",
    "安全生产",
    "人社就业",
    "招商引资",
    "城乡建设",
    "教育体育",
    "卫生健康",
    "交通出行",
    "民生服务",
    "党建工作",
];

pub const DEPARTMENTS: &[&str] = &[
    "区政府办公室",
    "发展改革局",
    "教育局",
    "公安分局",
    "民政局",
    "财政局",
    "人力资源局",
    "自然资源局",
    "生态环境局",
    "住房城乡建设局",
    "交通运输局",
    "水利局",
    "农业农村局",
    "商务局",
    "文化旅游局",
    "卫生健康委",
    "应急管理局",
    "市场监管局",
    "统计局",
    "医疗保障局",
    "城市管理局",
    "环保安监局",
    "信访局",
    "退役军人事务局",
    "科技局",
    "石佛办事处",
    "沟赵办事处",
    "双桥办事处",
    "枫杨办事处",
    "梧桐办事处",
];

const TOPICS: &[&str] = &[
    "扬尘治理",
    "安全生产大检查",
    "冬季供暖保障",
    "老旧小区改造",
    "职业技能培训",
    "城乡居民医保缴费",
    "疫苗接种",
    "防汛抗旱",
    "垃圾分类",
    "校园安全",
    "农民工工资支付",
    "消防安全",
    "食品安全",
    "道路改造",
    "公交线路调整",
    "营商环境优化",
    "重点项目建设",
    "文明城市创建",
    "河长制",
    "秸秆禁烧",
    "大气污染防治",
    "社区养老服务",
    "就业创业补贴",
    "义务教育招生",
    "无偿献血",
    "森林防火",
    "燃气安全",
    "电动自行车管理",
    "违法建设整治",
    "安置房建设",
    "惠民政策宣传",
    "人口普查",
    "政务服务改革",
    "孤寡老人关爱",
    "志愿服务",
    "地下管网改造",
    "夏季高温作业防护",
    "网络安全宣传",
];

const PLACES: &[&str] = &[
    "石佛村",
    "沟赵乡",
    "双桥村",
    "枫杨街道",
    "梧桐街道",
    "须水河",
    "化工路",
    "科学大道",
    "莲花街",
    "长椿路",
    "金梭路",
    "西四环",
    "国家超算中心",
    "高新区管委会",
    "电子电器产业园",
    "大学科技园",
];

const REPORTERS: &[&str] = &[
    "孙庆辉",
    "李静",
    "王海涛",
    "张晓燕",
    "刘畅",
    "陈志强",
    "赵敏",
];

const SENTENCES: &[&str] = &[
    "会议传达学习了上级有关{T}工作的部署要求，通报了近期工作进展。",
    "{D}相关负责人表示，要进一步提高思想认识，切实把{T}各项措施落到实处。",
    "检查组一行先后深入{P}等地，实地查看{T}工作开展情况，对发现的问题当场提出整改要求。",
    "下一步，全区将持续加大{T}工作力度，建立健全长效机制，确保取得实效。",
    "各办事处、各有关部门要强化协调配合，形成工作合力，坚决完成年度目标任务。",
    "据了解，今年以来全区累计开展{T}专项检查一百余次，整改各类隐患三百余处。",
    "活动现场，工作人员向群众发放宣传资料，耐心解答群众关心的{T}相关问题。",
    "{P}周边居民表示，{T}工作开展以来，生活环境有了明显改善。",
    "请各单位于规定时间内将{T}工作落实情况报送{D}，逾期未报的将予以通报。",
    "如有疑问，请在工作日拨打{D}咨询电话，或前往{P}政务服务中心窗口办理。",
    "与会人员围绕{T}工作中存在的困难和问题进行了深入交流，提出了意见建议。",
    "会议要求，要坚持问题导向，聚焦重点领域和关键环节，扎实推进{T}工作。",
    "为切实做好{T}工作，{D}成立了工作专班，明确责任分工，倒排工期、挂图作战。",
    "本次活动共吸引群众五百余人次参与，取得了良好的社会效果。",
    "据悉，{P}项目计划年底前完工，建成后将进一步方便周边群众出行和生活。",
];

fn fill(s: &str, topic: &str, dept: &str, place: &str) -> String {
    s.replace("{T}", topic)
        .replace("{D}", dept)
        .replace("{P}", place)
}

/// Days since 1970-01-01 of a civil date (through the widget's own calendar code).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    Civil {
        year: y,
        month: m as u32,
        day: d as u32,
        hour: 0,
        minute: 0,
        second: 0,
    }
    .to_unix(0)
    .unwrap_or(0)
        / 86_400
}

fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let c = Civil::at(z * 86_400, 0);
    (c.year, i64::from(c.month), i64::from(c.day))
}

/// How long and how varied the items' bodies are.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Bodies {
    /// Three to six short paragraphs of stock sentences (a few hundred
    /// characters; compresses to about a tenth).
    Short,
    /// About 2 kB: a stock opening (what a row's summary shows), then four
    /// to six paragraphs of sentences drawn from a vocabulary of 1,500
    /// words, which gzip shrinks to about a third, as real news text.
    Realistic,
}

/// Common characters the realistic bodies' words are made of.
const CHARS: &str = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反明看原又利比或但质气第向道此变条只没结解问意建月公无系很情者最立代想已通并提直题党程展五果料象员位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别手角期根论运农指几九区强放决西被干做必先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济油思术极交受联认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容须际商非验连断深难近千周委素技备半办青省列习响约支般史感劳便团往历市克何除消构府称太准精值号率族维划选标写存候亲快效院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严";

/// The realistic bodies' vocabulary: 1,500 words of two to four common
/// characters, the same for every feed.
fn vocabulary() -> Vec<String> {
    let chars: Vec<char> = CHARS.chars().collect();
    let mut rng = Rng::new(0x5eed);
    (0..1500)
        .map(|_| {
            let len = [2, 2, 2, 3, 4][rng.below(5)];
            (0..len).map(|_| chars[rng.below(chars.len())]).collect()
        })
        .collect()
}

/// One sentence of six to twelve words, with a comma in a long one.
fn sentence(rng: &mut Rng, words: &[String]) -> String {
    let n = 6 + rng.below(7);
    let comma = (n > 8).then(|| 2 + rng.below(n - 4));
    let mut s = String::new();
    for k in 0..n {
        s.push_str(&words[rng.below(words.len())]);
        if Some(k) == comma {
            s.push('，');
        }
    }
    s.push('。');
    s
}

/// One item, `i`-th of the feed.
fn item(rng: &mut Rng, i: usize, day: i64, bodies: Bodies, words: &[String]) -> Value {
    let category = rng.pick(CATEGORIES);
    let dept = rng.pick(DEPARTMENTS);
    let topic = rng.pick(TOPICS);
    let place = rng.pick(PLACES);
    let (y, m, d) = civil_from_days(day);
    let title = match rng.below(6) {
        0 => format!("关于做好{topic}工作的通知"),
        1 => format!("{dept}召开{topic}工作推进会"),
        2 => format!("{place}{topic}工作有序推进"),
        3 => format!("{dept}开展{topic}专项行动"),
        4 => format!("{topic}：{place}见行动"),
        _ => format!("我区部署{topic}相关工作"),
    };
    let mut paragraphs = vec![format!(
        "本报讯 {m}月{d}日，{dept}组织召开{topic}工作会议，{}",
        fill(rng.pick(SENTENCES), topic, dept, place)
    )];
    match bodies {
        Bodies::Short => {
            for _ in 0..2 + rng.below(4) {
                let sentences: Vec<String> = (0..2 + rng.below(3))
                    .map(|_| fill(rng.pick(SENTENCES), topic, dept, place))
                    .collect();
                paragraphs.push(sentences.concat());
            }
        }
        Bodies::Realistic => {
            for _ in 0..4 + rng.below(3) {
                let sentences: Vec<String> = (0..3 + rng.below(4))
                    .map(|_| sentence(rng, words))
                    .collect();
                paragraphs.push(sentences.concat());
            }
        }
    }
    let reporter = rng.pick(REPORTERS);
    let with_time = rng.chance(40);
    let date = if with_time {
        format!(
            "{y:04}-{m:02}-{d:02}T{:02}:{:02}:00+08:00",
            8 + rng.below(10),
            rng.below(60)
        )
    } else {
        format!("{y:04}-{m:02}-{d:02}T00:00:00+08:00")
    };
    let mut district = json!({
        "category": category,
        "department": dept,
        "reporter": reporter,
    });
    if rng.chance(30) {
        district["photographer"] = json!(reporter);
    }
    if category == "通知公告" || rng.chance(10) {
        district["doc_number"] = json!(format!("高新管〔{y}〕{}号", 1 + rng.below(200)));
    }
    let mut tags = vec![topic.to_string()];
    if rng.chance(50) {
        tags.push(place.to_string());
    }
    let mut v = json!({
        "id": format!("gen-{i}"),
        "url": format!("https://portal.example/news/{y}/{i}.html"),
        "title": title,
        "date_published": date,
        "tags": tags,
        "authors": [{ "name": dept }],
        "_district": district,
    });
    if rng.chance(20) {
        let html: String = paragraphs.iter().map(|p| format!("<p>{p}</p>")).collect();
        v["content_html"] = json!(html);
    } else {
        v["content_text"] = json!(paragraphs.join("\n\n"));
    }
    v
}

/// A whole feed of `items` items with short bodies, newest first, spread
/// evenly (with noise) over the five years before `end` (`(year, month,
/// day)`).
pub fn generate(items: usize, seed: u64, end: (i64, i64, i64)) -> String {
    generate_with(items, seed, end, Bodies::Short)
}

/// Like [`generate`], with bodies of the given kind.
pub fn generate_with(items: usize, seed: u64, end: (i64, i64, i64), bodies: Bodies) -> String {
    let words = match bodies {
        Bodies::Short => Vec::new(),
        Bodies::Realistic => vocabulary(),
    };
    let mut rng = Rng::new(seed);
    let last = days_from_civil(end.0, end.1, end.2);
    let span = 5 * 365;
    let list: Vec<Value> = (0..items)
        .map(|i| {
            let back = (i as i64 * span) / items.max(1) as i64 + rng.below(3) as i64;
            item(&mut rng, i, last - back, bodies, &words)
        })
        .collect();
    let feed = json!({
        "version": "https://jsonfeed.org/version/1.1",
        "title": format!("高新区信息公开（生成数据 · {items} 条）"),
        "language": "zh-CN",
        "home_page_url": "https://portal.example/",
        "_district": { "name": "郑州高新区", "timezone": "Asia/Shanghai" },
        "items": list,
    });
    feed.to_string()
}
