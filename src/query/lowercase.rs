//! Lower case for non-ASCII letters, from a compact table.
//!
//! `char::to_lowercase` carries the whole Unicode case table (about 12 kB of
//! wasm). Search folding needs only the one-character mappings, which fall
//! into 184 runs: a first character, a count, a step of 1 or 2 (scripts that
//! alternate upper/lower case) and the distance to the lower-case form. The
//! table is generated from `char::to_lowercase` itself, and a test checks
//! every character against it: when a new Rust brings a new Unicode version,
//! that test fails and `cargo test -- --ignored print_table` prints the new
//! table.

/// One run: `first << 40 | (step − 1) << 39 | count << 32 | delta as u32`.
/// The digit groups of each literal are these fields: first, step and count, delta.
#[rustfmt::skip]
#[allow(clippy::unusual_byte_groupings)]
const RANGES: [u64; 184] = [
    0x0000C0_17_00000020,
    0x0000D8_07_00000020,
    0x000100_98_00000001,
    0x000132_83_00000001,
    0x000139_88_00000001,
    0x00014A_97_00000001,
    0x000178_01_FFFFFF87,
    0x000179_83_00000001,
    0x000181_01_000000D2,
    0x000182_82_00000001,
    0x000186_01_000000CE,
    0x000187_01_00000001,
    0x000189_02_000000CD,
    0x00018B_01_00000001,
    0x00018E_01_0000004F,
    0x00018F_01_000000CA,
    0x000190_01_000000CB,
    0x000191_01_00000001,
    0x000193_01_000000CD,
    0x000194_01_000000CF,
    0x000196_01_000000D3,
    0x000197_01_000000D1,
    0x000198_01_00000001,
    0x00019C_01_000000D3,
    0x00019D_01_000000D5,
    0x00019F_01_000000D6,
    0x0001A0_83_00000001,
    0x0001A6_01_000000DA,
    0x0001A7_01_00000001,
    0x0001A9_01_000000DA,
    0x0001AC_01_00000001,
    0x0001AE_01_000000DA,
    0x0001AF_01_00000001,
    0x0001B1_02_000000D9,
    0x0001B3_82_00000001,
    0x0001B7_01_000000DB,
    0x0001B8_01_00000001,
    0x0001BC_01_00000001,
    0x0001C4_01_00000002,
    0x0001C5_01_00000001,
    0x0001C7_01_00000002,
    0x0001C8_01_00000001,
    0x0001CA_01_00000002,
    0x0001CB_89_00000001,
    0x0001DE_89_00000001,
    0x0001F1_01_00000002,
    0x0001F2_82_00000001,
    0x0001F6_01_FFFFFF9F,
    0x0001F7_01_FFFFFFC8,
    0x0001F8_94_00000001,
    0x000220_01_FFFFFF7E,
    0x000222_89_00000001,
    0x00023A_01_00002A2B,
    0x00023B_01_00000001,
    0x00023D_01_FFFFFF5D,
    0x00023E_01_00002A28,
    0x000241_01_00000001,
    0x000243_01_FFFFFF3D,
    0x000244_01_00000045,
    0x000245_01_00000047,
    0x000246_85_00000001,
    0x000370_82_00000001,
    0x000376_01_00000001,
    0x00037F_01_00000074,
    0x000386_01_00000026,
    0x000388_03_00000025,
    0x00038C_01_00000040,
    0x00038E_02_0000003F,
    0x000391_11_00000020,
    0x0003A3_09_00000020,
    0x0003CF_01_00000008,
    0x0003D8_8C_00000001,
    0x0003F4_01_FFFFFFC4,
    0x0003F7_01_00000001,
    0x0003F9_01_FFFFFFF9,
    0x0003FA_01_00000001,
    0x0003FD_03_FFFFFF7E,
    0x000400_10_00000050,
    0x000410_20_00000020,
    0x000460_91_00000001,
    0x00048A_9B_00000001,
    0x0004C0_01_0000000F,
    0x0004C1_87_00000001,
    0x0004D0_B0_00000001,
    0x000531_26_00000030,
    0x0010A0_26_00001C60,
    0x0010C7_01_00001C60,
    0x0010CD_01_00001C60,
    0x0013A0_50_000097D0,
    0x0013F0_06_00000008,
    0x001C89_01_00000001,
    0x001C90_2B_FFFFF440,
    0x001CBD_03_FFFFF440,
    0x001E00_CB_00000001,
    0x001E9E_01_FFFFE241,
    0x001EA0_B0_00000001,
    0x001F08_08_FFFFFFF8,
    0x001F18_06_FFFFFFF8,
    0x001F28_08_FFFFFFF8,
    0x001F38_08_FFFFFFF8,
    0x001F48_06_FFFFFFF8,
    0x001F59_84_FFFFFFF8,
    0x001F68_08_FFFFFFF8,
    0x001F88_08_FFFFFFF8,
    0x001F98_08_FFFFFFF8,
    0x001FA8_08_FFFFFFF8,
    0x001FB8_02_FFFFFFF8,
    0x001FBA_02_FFFFFFB6,
    0x001FBC_01_FFFFFFF7,
    0x001FC8_04_FFFFFFAA,
    0x001FCC_01_FFFFFFF7,
    0x001FD8_02_FFFFFFF8,
    0x001FDA_02_FFFFFF9C,
    0x001FE8_02_FFFFFFF8,
    0x001FEA_02_FFFFFF90,
    0x001FEC_01_FFFFFFF9,
    0x001FF8_02_FFFFFF80,
    0x001FFA_02_FFFFFF82,
    0x001FFC_01_FFFFFFF7,
    0x002126_01_FFFFE2A3,
    0x00212A_01_FFFFDF41,
    0x00212B_01_FFFFDFBA,
    0x002132_01_0000001C,
    0x002160_10_00000010,
    0x002183_01_00000001,
    0x0024B6_1A_0000001A,
    0x002C00_30_00000030,
    0x002C60_01_00000001,
    0x002C62_01_FFFFD609,
    0x002C63_01_FFFFF11A,
    0x002C64_01_FFFFD619,
    0x002C67_83_00000001,
    0x002C6D_01_FFFFD5E4,
    0x002C6E_01_FFFFD603,
    0x002C6F_01_FFFFD5E1,
    0x002C70_01_FFFFD5E2,
    0x002C72_01_00000001,
    0x002C75_01_00000001,
    0x002C7E_02_FFFFD5C1,
    0x002C80_B2_00000001,
    0x002CEB_82_00000001,
    0x002CF2_01_00000001,
    0x00A640_97_00000001,
    0x00A680_8E_00000001,
    0x00A722_87_00000001,
    0x00A732_9F_00000001,
    0x00A779_82_00000001,
    0x00A77D_01_FFFF75FC,
    0x00A77E_85_00000001,
    0x00A78B_01_00000001,
    0x00A78D_01_FFFF5AD8,
    0x00A790_82_00000001,
    0x00A796_8A_00000001,
    0x00A7AA_01_FFFF5ABC,
    0x00A7AB_01_FFFF5AB1,
    0x00A7AC_01_FFFF5AB5,
    0x00A7AD_01_FFFF5ABF,
    0x00A7AE_01_FFFF5ABC,
    0x00A7B0_01_FFFF5AEE,
    0x00A7B1_01_FFFF5AD6,
    0x00A7B2_01_FFFF5AEB,
    0x00A7B3_01_000003A0,
    0x00A7B4_88_00000001,
    0x00A7C4_01_FFFFFFD0,
    0x00A7C5_01_FFFF5ABD,
    0x00A7C6_01_FFFF75C8,
    0x00A7C7_82_00000001,
    0x00A7CB_01_FFFF5A99,
    0x00A7CC_88_00000001,
    0x00A7DC_01_FFFF59BF,
    0x00A7F5_01_00000001,
    0x00FF21_1A_00000020,
    0x010400_28_00000028,
    0x0104B0_24_00000028,
    0x010570_0B_00000027,
    0x01057C_0F_00000027,
    0x01058C_07_00000027,
    0x010594_02_00000027,
    0x010C80_33_00000040,
    0x010D50_16_00000020,
    0x0118A0_20_00000020,
    0x016E40_20_00000020,
    0x016EA0_19_0000001B,
    0x01E900_22_00000022,
];

/// `c`'s lower-case form when it is a single character, else `c` (what
/// `char::to_lowercase` gives when it yields one character).
pub fn lower(c: char) -> char {
    let u = c as u32;
    let i = RANGES.partition_point(|&r| (r >> 40) as u32 <= u);
    let Some(&run) = i.checked_sub(1).and_then(|i| RANGES.get(i)) else {
        return c;
    };
    let first = (run >> 40) as u32;
    let step = 1 + ((run >> 39) & 1) as u32;
    let count = ((run >> 32) & 0x7F) as u32;
    let k = u - first;
    if !k.is_multiple_of(step) || k / step >= count {
        return c;
    }
    char::from_u32(u.wrapping_add_signed(run as u32 as i32)).unwrap_or(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The single-character lower case, as the standard library says.
    fn std_lower(c: char) -> char {
        let mut l = c.to_lowercase();
        match (l.next(), l.next()) {
            (Some(x), None) => x,
            _ => c,
        }
    }

    #[test]
    fn every_character_matches_the_standard_library() {
        for c in (0..=0x10FFFF)
            .filter_map(char::from_u32)
            .filter(|c| !c.is_ascii())
        {
            assert_eq!(lower(c), std_lower(c), "U+{:04X}", c as u32);
        }
    }

    /// Prints `RANGES` for this Rust's Unicode version.
    #[test]
    #[ignore]
    fn print_table() {
        let maps: Vec<(u32, i64)> = (0x80..=0x10FFFF)
            .filter_map(char::from_u32)
            .filter(|&c| std_lower(c) != c)
            .map(|c| {
                (
                    c as u32,
                    i64::from(std_lower(c) as u32) - i64::from(c as u32),
                )
            })
            .collect();
        let mut runs = Vec::new();
        let mut i = 0;
        while i < maps.len() {
            let (first, delta) = maps[i];
            let (mut step, mut count) = (1, 1);
            for s in [1u32, 2] {
                let mut n = 1;
                while i + n < maps.len() && n < 127 && maps[i + n] == (first + s * n as u32, delta)
                {
                    n += 1;
                }
                if n > count {
                    (step, count) = (s, n);
                }
            }
            runs.push(
                u64::from(first) << 40
                    | u64::from(step - 1) << 39
                    | (count as u64) << 32
                    | u64::from(delta as i32 as u32),
            );
            i += count;
        }
        println!("const RANGES: [u64; {}] = [", runs.len());
        for r in runs {
            println!(
                "    0x{:06X}_{:02X}_{:08X},",
                r >> 40,
                (r >> 32) & 0xFF,
                r & 0xFFFF_FFFF
            );
        }
        println!("];");
    }
}
