"""Facts about how Chinese-speaking users build passwords, written down (not copied from any
list), each most common first. Their order is their rank: the guesses an attacker who tries the
likeliest first spends to reach one.

Sources for the habits: Li, Han, Xu, "A Large-Scale Empirical Analysis of Chinese Web Passwords"
(USENIX Security 2014): pinyin names and words, dates and number phrases such as 5201314 are the
marks of Chinese passwords, and site names appear in the passwords of their sites; Wang et al.,
"fuzzyPSM" (DSN 2016) and "Targeted Online Password Guessing" (CCS 2016): a name and a birthday
are what an attacker who knows the person tries first. The meanings of the number phrases are
their readings in Mandarin (5-2-0, wu-er-ling, sounds like wo ai ni, "I love you").
"""

from __future__ import annotations

NUMBER_PHRASES = (
    "5201314",  # wo ai ni yi sheng yi shi: I love you for a lifetime
    "520",  # wo ai ni: I love you
    "1314",  # yi sheng yi shi: a lifetime
    "1314520",
    "7758521",  # qin qin wo ba, wo ai ni: kiss me, I love you
    "521",
    "5211314",
    "1314521",
    "9420",  # jiu shi ai ni: it is you I love
    "584520",  # wo fa shi wo ai ni: I swear I love you
    "3344",  # sheng sheng shi shi: life after life
    "3344520",
    "530",  # wo xiang ni: I miss you
    "5210",
    "1314920",
    "168",  # yi lu fa: prosper all the way
    "518",  # wo yao fa: I will prosper
    "886",  # bye-bye
    "88",
    "666",
    "888",
    "8888",
    "6666",
    "9999",
    "168168",
    "518518",
    "112233",
    "11223344",
    "121212",
    "123123",
    "520520",
    "1314woaini",
)
"""Number phrases read for their sound, the most common first."""

PHRASES = (
    "woaini",  # 我爱你, I love you
    "woai",  # 我爱, I love ...
    "aini",  # 爱你, love you
    "iloveyou",
    "wo",  # 我, I
    "ai",  # 爱, love
    "woshi",  # 我是, I am
    "ilove",
    "love",
    "qq",
    "woaiwojia",  # 我爱我家, I love my family
    "nihao",  # 你好, hello
    "wodemima",  # 我的密码, my password
    "mima",  # 密码, password
    "qinai",  # 亲爱, dear
    "qinaide",
    "laopo",  # 老婆, wife
    "laogong",  # 老公, husband
    "baobao",  # 宝宝, baby
    "baobei",  # 宝贝, darling
    "aiwo",  # 爱我, love me
    "wohenai",
    "yongyuan",  # 永远, forever
    "yisheng",  # 一生, a lifetime
    "yiwannian",  # 一万年, ten thousand years
    "tiancai",  # 天才, genius
    "xingfu",  # 幸福, happiness
    "kuaile",  # 快乐, happy
    "zhongguo",  # 中国, China
    "china",
)
"""Words and phrases Chinese passwords are built on, before the general word list."""

SITES = (
    "qq",
    "163",
    "126",
    "www",
    "com",
    "cn",
    "net",
    "4399",
    "7k7k",
    "360",
    "139",
    "189",
    "sina",
    "sohu",
    "baidu",
    "taobao",
    "tmall",
    "jd",
    "weibo",
    "weixin",
    "wechat",
    "alipay",
    "zhifubao",
    "aliyun",
    "alibaba",
    "youku",
    "xunlei",
    "csdn",
    "tianya",
    "renren",
    "kaixin",
    "dangdang",
    "pinduoduo",
    "douyin",
    "amazon",
    "shopee",
    "lazada",
    "org",
    "vip",
)
"""Sites and mail domains whose names appear in the passwords people choose for them."""

KEYBOARD = (
    "qwerty",
    "1qaz2wsx",
    "qazwsx",
    "1q2w3e4r",
    "123qwe",
    "qweasd",
    "asdfgh",
    "zxcvbn",
    "147258369",
    "147258",
    "159357",
    "159753",
    "qwertyuiop",
    "asdfghjkl",
    "zxcvbnm",
    "1qaz",
    "2wsx",
    "qazwsxedc",
    "1q2w3e",
    "q1w2e3r4",
    "qweasdzxc",
    "zaq12wsx",
    "741852963",
    "789456123",
    "963852741",
    "258369",
    "qweqwe",
    "asdasd",
    "zxczxc",
    "asdf",
    "qwer",
    "zxcv",
)
"""Keyboard and keypad walks (the keypad's 147 258 369 columns are a Chinese favourite)."""

JOINTS = ("@", ".", "_", "-", "!", "#", "*", "&", "+")
"""What people put between the pieces (zhouping@1966, liuyang_1992), the commonest first."""

LEET = str.maketrans(
    {"4": "a", "@": "a", "0": "o", "1": "i", "3": "e", "$": "s", "5": "s", "7": "t"}
)
"""The substitutions people make for letters."""
