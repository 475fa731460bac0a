/*
 * Sv39 address translation, with page tables built here: 4 KiB pages,
 * 2 MiB and 1 GiB superpages, page faults for load, store and fetch with
 * their tval, permissions (R/W/X, U from S with and without SUM, MXR),
 * reserved and misaligned entries, non-canonical addresses, the A and D
 * bits (set by hardware or faulted, as the specification allows), and
 * sfence.vma after a page-table change, an instruction that straddles two
 * pages, and M-mode accesses through MPRV. S runs on an identity map of RAM;
 * U runs on a user alias of the same RAM.
 */
#include "test.h"

#define PTE_V (1 << 0)
#define PTE_R (1 << 1)
#define PTE_W (1 << 2)
#define PTE_X (1 << 3)
#define PTE_U (1 << 4)
#define PTE_A (1 << 6)
#define PTE_D (1 << 7)
#define SATP_SV39 (8 << 60)

#define RAM_BASE      0x80000000
/* 1 GiB superpages: root[2] identity (S), root[3] user alias, root[4] read-only alias */
#define VA_USER_ALIAS 0xc0000000
#define VA_RO_ALIAS   0x100000000
/* 2 MiB superpages through root[1]: RAM at 0x40000000, a misaligned one after it */
#define VA_2M         0x40000000
#define VA_2M_BAD     0x40200000
/* 4 KiB pages through root[0]: */
#define VA_RW         0x1000   /* page_a, R W */
#define VA_RO         0x2000   /* page_a, R */
#define VA_USER       0x3000   /* page_a, U R W */
#define VA_INVALID    0x4000   /* V = 0 */
#define VA_XONLY      0x5000   /* page_a, X */
#define VA_AD         0x8000   /* page_a, R W, A = D = 0 */
#define VA_WONLY      0x9000   /* page_a, W without R: reserved */
#define VA_REMAP      0xb000   /* page_a, later page_b */
#define VA_POINTER    0xc000   /* V only at the last level: a pointer where a leaf must be */
#define VA_CODE       0xd000   /* code_page, X; VA_CODE_NEXT unmapped, later code_page_next */
#define VA_CODE_NEXT  0xe000
#define VA_RESERVED   0xf000   /* page_a, R W, a reserved bit (54) set */
#define VA_SPLIT      0x10000  /* page_c, R W, and again at VA_SPLIT + 0x1000 */
#define VA_NO_MEMORY  0x12000  /* R W, onto a physical address with nothing there */
#define PA_NO_MEMORY  0x400
#define VA_NONCANON   0x4000000000  /* bit 38 set, bits 63..39 clear */

#ifdef QEMU_7_2
/* QEMU 7.2 reports a load page fault for an AMO */
#define AMO_PAGE_FAULT CAUSE_LOAD_PAGE_FAULT
#else
#define AMO_PAGE_FAULT CAUSE_STORE_PAGE_FAULT
#endif

#define VALUE_A 0x1111111111111111
#define VALUE_B 0x2222222222222222

/* reg = the address of symbol in the alias of RAM at base */
.macro ALIAS reg, base, symbol
        lla \reg, \symbol
        li t1, (\base) - RAM_BASE
        add \reg, \reg, t1
.endm

/* Case n: `insn` (accessing the address in a1) page-faults with cause and tval a1. */
.macro FAULTS n, cause, insn:vararg
        EXPECT_TRAP \n, \cause, \insn
        EXPECT_REG_EQ t5, a1
.endm

/* Map l0 entry index (VA index * 4 KiB) to symbol with flags (uses a0-a3). */
.macro MAP_4K index, symbol, flags
        lla a0, l0
        li a1, \index
        lla a2, \symbol
        li a3, \flags
        call map
.endm

/* From U on the user alias: continue with the next instruction in M, at
   its physical address (ecall from U must not be delegated). */
.macro LEAVE_USER_ALIAS
        lla t3, 1012f
        li t1, RAM_BASE - VA_USER_ALIAS
        add t3, t3, t1
        ori t3, t3, 1
        li t4, -1
        ecall
1012:
.endm

/* reg = satp for Sv39 with the root table at symbol and the given ASID */
.macro SATP_FOR reg, symbol, asid
        lla \reg, \symbol
        srli \reg, \reg, 12
        li t1, SATP_SV39 | ((\asid) << 44)
        or \reg, \reg, t1
.endm

/* Go on at skip unless reg equals other. */
.macro EXPECT_REG_EQ_OR_SKIP reg, other, skip
        bne \reg, \other, \skip
.endm

/* Case n: jump to the address in a1 and fault on the fetch there. */
.macro FETCH_FAULTS n
        CASE \n
        ARM_TRAP 1006f
        jalr a1
        j fail
1006:   EXPECT t4, CAUSE_FETCH_PAGE_FAULT
        EXPECT_REG_EQ t5, a1
        EXPECT_REG_EQ t6, a1
.endm

        .text
        .globl test_main
test_main:
        call build_page_tables
        lla a0, root
        srli a0, a0, 12
        li a1, SATP_SV39
        or a0, a0, a1
        csrw satp, a0
        sfence.vma

        /* M with MPRV and MPP = S loads and stores as S, through the tables
           (a trap sets MPP to M, so the handler itself is not translated) */
        li a2, MSTATUS_MPP
        csrc mstatus, a2
        li a2, (PRV_S << MSTATUS_MPP_SHIFT) | MSTATUS_MPRV
        csrs mstatus, a2
        CASE 1
        li a1, VA_RW
        ld a0, 0(a1)
        EXPECT a0, VALUE_A
        li a1, VA_INVALID
        FAULTS 2, CAUSE_LOAD_PAGE_FAULT, ld a0, 0(a1)
        li a2, MSTATUS_MPRV
        csrc mstatus, a2

        ENTER_MODE PRV_S

        /* translation through each page size */
        CASE 3
        li a1, VA_RW
        ld a0, 0(a1)
        EXPECT a0, VALUE_A
        CASE 4
        li a2, 0xabc
        sd a2, 8(a1)
        lla a1, page_a
        ld a0, 8(a1)
        EXPECT a0, 0xabc
        CASE 5
        ALIAS a1, VA_2M, page_a
        ld a0, 0(a1)
        EXPECT a0, VALUE_A
        CASE 6
        ALIAS a1, VA_RO_ALIAS, page_a
        ld a0, 0(a1)
        EXPECT a0, VALUE_A
        FAULTS 7, CAUSE_STORE_PAGE_FAULT, sd a0, 0(a1)
        CASE 8
        csrr a0, satp
        srli a0, a0, 60
        EXPECT a0, 8

        /* permissions and invalid entries; tval is the faulting address */
        li a1, VA_RO + 16
        FAULTS 9, CAUSE_STORE_PAGE_FAULT, sd a0, 0(a1)
        EXPECT_NO_TRAP 10, ld a0, 0(a1)
        li a1, VA_INVALID + 8
        FAULTS 11, CAUSE_LOAD_PAGE_FAULT, ld a0, 0(a1)
        FAULTS 12, CAUSE_STORE_PAGE_FAULT, sw a0, 0(a1)
        FAULTS 13, AMO_PAGE_FAULT, amoadd.w a0, a0, (a1)
        li a1, VA_RW
        FETCH_FAULTS 14
        li a1, VA_WONLY
        FAULTS 15, CAUSE_LOAD_PAGE_FAULT, ld a0, 0(a1)
        FAULTS 16, CAUSE_STORE_PAGE_FAULT, sd a0, 0(a1)
        li a1, VA_2M_BAD
        FAULTS 17, CAUSE_LOAD_PAGE_FAULT, ld a0, 0(a1)
        li a1, VA_NONCANON
        FAULTS 18, CAUSE_LOAD_PAGE_FAULT, ld a0, 0(a1)
        li a1, VA_POINTER
        FAULTS 19, CAUSE_LOAD_PAGE_FAULT, ld a0, 0(a1)
        li a1, VA_RESERVED
        FAULTS 20, CAUSE_LOAD_PAGE_FAULT, ld a0, 0(a1)

        /* A misaligned access across two pages goes through both
           translations: it is performed (or refused as misaligned) when both
           allow it, else it page-faults with tval in the second page. */
        CASE 21
        li a1, VA_RO - 4
        ARM_TRAP 1f
        ld a0, 0(a1)
        DISARM_TRAP
        /* the last 4 bytes of page_a are 0, its first 4 the low half of VALUE_A */
        EXPECT a0, 0x1111111100000000
        j 2f
1:      EXPECT t4, CAUSE_MISALIGNED_LOAD
        /* a store across two pages that both map page_c: each part lands
           in its own page's frame */
2:      CASE 22
        li a1, VA_SPLIT + 0x1000 - 4
        li a2, 0x0102030405060708
        ARM_TRAP 5f
        sd a2, 0(a1)
        DISARM_TRAP
        lla a3, page_c
        lwu a0, 0(a3)
        EXPECT a0, 0x01020304
        li a4, 0xffc
        add a3, a3, a4
        lwu a0, 0(a3)
        EXPECT a0, 0x05060708
        j 6f
5:      EXPECT t4, CAUSE_MISALIGNED_STORE
6:      CASE 23
        li a1, VA_RO - 4
        li a2, VA_RO
        ARM_TRAP 3f
        sd a0, 0(a1)
        j fail
3:      li a3, CAUSE_STORE_PAGE_FAULT
        li a4, CAUSE_MISALIGNED_STORE
        call expect_second_page_fault
        CASE 24
        li a1, VA_USER - 4
        li a2, VA_USER
        ARM_TRAP 4f
        ld a0, 0(a1)
        j fail
4:      li a3, CAUSE_LOAD_PAGE_FAULT
        li a4, CAUSE_MISALIGNED_LOAD
        call expect_second_page_fault

        /* a translation onto nothing gives an access fault, not a page fault */
        li a1, VA_NO_MEMORY
        FAULTS 25, CAUSE_LOAD_ACCESS, ld a0, 0(a1)
        FAULTS 26, CAUSE_STORE_ACCESS, sd a0, 0(a1)

        /* MXR makes execute-only pages readable */
        li a1, VA_XONLY
        FAULTS 27, CAUSE_LOAD_PAGE_FAULT, ld a0, 0(a1)
        li a2, MSTATUS_MXR
        csrs sstatus, a2
        CASE 28
        ld a0, 0(a1)
        EXPECT a0, VALUE_A
        csrc sstatus, a2
        /* and only while MXR is set (no sfence.vma needed) */
        FAULTS 29, CAUSE_LOAD_PAGE_FAULT, ld a0, 0(a1)

        /* U pages from S: data only with SUM, never execution */
        li a1, VA_USER
        FAULTS 30, CAUSE_LOAD_PAGE_FAULT, ld a0, 0(a1)
        FAULTS 31, CAUSE_STORE_PAGE_FAULT, sd a0, 0(a1)
        li a2, MSTATUS_SUM
        csrs sstatus, a2
        CASE 32
        ld a0, 0(a1)
        EXPECT a0, VALUE_A
        EXPECT_NO_TRAP 33, sd a0, 16(a1)
        ALIAS a1, VA_USER_ALIAS, spin_here
        FETCH_FAULTS 34
        csrc sstatus, a2
        /* and only while SUM is set (no sfence.vma needed) */
        li a1, VA_USER
        FAULTS 35, CAUSE_LOAD_PAGE_FAULT, ld a0, 0(a1)

        /* A and D: set by hardware, or a page fault until software sets them */
        CASE 36
        li a1, VA_AD
        ARM_TRAP 1f
        ld a0, 0(a1)
        DISARM_TRAP
        li a4, PTE_A
        call expect_pte_ad_bits
        j 2f
1:      EXPECT t4, CAUSE_LOAD_PAGE_FAULT
        EXPECT_REG_EQ t5, a1
        li a4, PTE_A
        call set_pte_ad_bits
        ld a0, 0(a1)
2:      EXPECT a0, VALUE_A
        CASE 37
        ARM_TRAP 3f
        sd a0, 24(a1)
        DISARM_TRAP
        li a4, PTE_A | PTE_D
        call expect_pte_ad_bits
        j 4f
3:      EXPECT t4, CAUSE_STORE_PAGE_FAULT
        addi a2, a1, 24
        EXPECT_REG_EQ t5, a2
        li a4, PTE_A | PTE_D
        call set_pte_ad_bits
        sd a0, 24(a1)
4:      lla a2, page_a
        ld a0, 24(a2)
        EXPECT a0, VALUE_A

        /* a changed PTE takes effect after sfence.vma (global, then by address) */
        CASE 38
        li a1, VA_REMAP
        ld a0, 0(a1)
        EXPECT a0, VALUE_A
        MAP_4K VA_REMAP >> 12, page_b, PTE_V | PTE_R | PTE_W | PTE_A | PTE_D
        sfence.vma
        li a1, VA_REMAP
        ld a0, 0(a1)
        EXPECT a0, VALUE_B
        CASE 39
        MAP_4K VA_REMAP >> 12, page_a, PTE_V | PTE_R | PTE_W | PTE_A | PTE_D
        li a1, VA_REMAP
        sfence.vma a1, zero
        ld a0, 0(a1)
        EXPECT a0, VALUE_A
        CASE 40
        MAP_4K VA_INVALID >> 12, page_b, PTE_V | PTE_R | PTE_A
        li a1, VA_INVALID
        sfence.vma a1
        ld a0, 0(a1)
        EXPECT a0, VALUE_B
        /* taking write permission away (as copy-on-write does) */
        li a1, VA_REMAP
        EXPECT_NO_TRAP 41, sd a0, 8(a1)
        MAP_4K VA_REMAP >> 12, page_a, PTE_V | PTE_R | PTE_A | PTE_D
        li a1, VA_REMAP + 8
        sfence.vma a1
        FAULTS 42, CAUSE_STORE_PAGE_FAULT, sd a0, 0(a1)
        MAP_4K VA_REMAP >> 12, page_a, PTE_V | PTE_R | PTE_W | PTE_A | PTE_D
        li a1, VA_REMAP + 8
        sfence.vma a1
        EXPECT_NO_TRAP 43, sd a0, 0(a1)

        /* another address space: a copy of the tables where VA_REMAP maps
           page_b; satp switches between the two */
        CASE 44
        call build_second_address_space
        csrr s2, satp
        lla a0, root2
        srli a0, a0, 12
        li a1, SATP_SV39
        or a0, a0, a1
        csrw satp, a0
        sfence.vma
        li a1, VA_REMAP
        ld a0, 0(a1)
        EXPECT a0, VALUE_B
        CASE 45
        csrw satp, s2
        sfence.vma
        ld a0, 0(a1)
        EXPECT a0, VALUE_A

        /* Where satp keeps ASIDs, switching to another ASID needs no
           sfence.vma (its translations are apart), and sfence.vma x0, asid
           flushes the translations of that ASID. */
        SATP_FOR s3, root, 1
        SATP_FOR s4, root2, 2
        csrw satp, s4
        csrr a0, satp
        csrw satp, s2
        EXPECT_REG_EQ_OR_SKIP a0, s4, 11f
        sfence.vma
        CASE 46
        csrw satp, s3
        ld a0, 0(a1)
        EXPECT a0, VALUE_A
        CASE 47
        csrw satp, s4
        ld a0, 0(a1)
        EXPECT a0, VALUE_B
        CASE 48
        csrw satp, s3
        ld a0, 0(a1)
        EXPECT a0, VALUE_A
        CASE 49
        MAP_4K VA_REMAP >> 12, page_b, PTE_V | PTE_R | PTE_W | PTE_A | PTE_D
        li a2, 1
        sfence.vma zero, a2
        li a1, VA_REMAP
        ld a0, 0(a1)
        EXPECT a0, VALUE_B
        MAP_4K VA_REMAP >> 12, page_a, PTE_V | PTE_R | PTE_W | PTE_A | PTE_D
        li a2, 1
        sfence.vma zero, a2
        csrw satp, s2
        sfence.vma
11:

        /* A 32-bit instruction in the last two bytes of a page: fetching its
           second half faults with tval at the next page, epc at its start;
           once that page is mapped, it runs. */
        CASE 50
        lla t1, 8f
        li a1, VA_CODE_NEXT - 2
        ARM_TRAP 7f
        jr a1
        j fail
7:      EXPECT t4, CAUSE_FETCH_PAGE_FAULT
        EXPECT_REG_EQ t6, a1
        EXPECT t5, VA_CODE_NEXT
        MAP_4K VA_CODE_NEXT >> 12, code_page_next, PTE_V | PTE_X | PTE_A
        sfence.vma
        CASE 51
        li a0, 41
        li a1, VA_CODE_NEXT - 2
        jr a1
8:      EXPECT a0, 42
        /* code already run must fault once its page is unmapped, and run
           in its new form once the page maps other code */
        MAP_4K VA_CODE_NEXT >> 12, code_page_next, PTE_X | PTE_A
        sfence.vma
        CASE 52
        li a1, VA_CODE_NEXT - 2
        ARM_TRAP 9f
        jr a1
        j fail
9:      EXPECT t4, CAUSE_FETCH_PAGE_FAULT
        EXPECT t5, VA_CODE_NEXT
        MAP_4K VA_CODE_NEXT >> 12, code_page_other, PTE_V | PTE_X | PTE_A
        sfence.vma
        CASE 53
        lla t1, 10f
        li a0, 41
        li a1, VA_CODE_NEXT - 2
        jr a1
10:     EXPECT a0, 43

        /* U on its alias: U pages only */
        RETURN_TO_M
        li t0, MSTATUS_MPP
        csrc mstatus, t0
        ALIAS t0, VA_USER_ALIAS, in_user_mode
        csrw mepc, t0
        mret
in_user_mode:
        CASE 54
        li a1, VA_USER
        ld a0, 0(a1)
        EXPECT a0, VALUE_A
        EXPECT_NO_TRAP 55, sd a0, 32(a1)
        li a1, VA_RW
        FAULTS 56, CAUSE_LOAD_PAGE_FAULT, ld a0, 0(a1)
        FAULTS 57, CAUSE_STORE_PAGE_FAULT, sd a0, 0(a1)
        lla a1, spin_here
        li t1, RAM_BASE - VA_USER_ALIAS
        add a1, a1, t1
        FETCH_FAULTS 58
        LEAVE_USER_ALIAS

        /* page faults delegated to S, as Linux has them: S's handler takes
           them from S and from U, with scause and stval */
        lla a0, s_trap
        csrw stvec, a0
        li a0, (1 << CAUSE_FETCH_PAGE_FAULT) | (1 << CAUSE_LOAD_PAGE_FAULT) | (1 << CAUSE_STORE_PAGE_FAULT)
        csrw medeleg, a0
        csrw scause, zero
        ENTER_MODE PRV_S
        li a1, VA_POINTER
        FAULTS 59, CAUSE_LOAD_PAGE_FAULT, ld a0, 0(a1)
        li a2, CAUSE_LOAD_PAGE_FAULT
        call expect_scause_and_stval
        li a1, VA_RW
        FETCH_FAULTS 60
        li a2, CAUSE_FETCH_PAGE_FAULT
        call expect_scause_and_stval
        li t0, MSTATUS_SPP
        csrc sstatus, t0
        ALIAS t0, VA_USER_ALIAS, in_user_mode_again
        csrw sepc, t0
        sret
in_user_mode_again:
        li a1, VA_RO
        FAULTS 61, CAUSE_STORE_PAGE_FAULT, sd a0, 0(a1)
        LEAVE_USER_ALIAS
        li a2, CAUSE_STORE_PAGE_FAULT
        call expect_scause_and_stval
        csrw medeleg, zero
        j pass

/* the recorded trap is a4 (misaligned), or a3 with tval in the page at a2 */
expect_second_page_fault:
        beq t4, a4, 1f
        EXPECT_REG_EQ t4, a3
        srli a0, t5, 12
        srli a2, a2, 12
        EXPECT_REG_EQ a0, a2
1:      ret

/* scause must be a2 and stval a1 */
expect_scause_and_stval:
        csrr a0, scause
        EXPECT_REG_EQ a0, a2
        csrr a0, stval
        EXPECT_REG_EQ a0, a1
        ret

/* never reached: only fetched from, to see the fetch fault */
spin_here:
        j fail

/* a3 = the l0 PTE of a1 (a 4 KiB page below 2 MiB); a2 = its address */
load_pte:
        srli a2, a1, 12
        slli a2, a2, 3
        lla a3, l0
        add a2, a2, a3
        ld a3, 0(a2)
        ret

/* the PTE of a1 must have the bits a4 set */
expect_pte_ad_bits:
        mv a5, ra
        call load_pte
        and a3, a3, a4
        EXPECT_REG_EQ a3, a4
        mv ra, a5
        ret

/* set bits a4 in the PTE of a1, then flush it from the TLB */
set_pte_ad_bits:
        mv a5, ra
        call load_pte
        or a3, a3, a4
        sd a3, 0(a2)
        sfence.vma a1
        mv ra, a5
        ret

/* a0[a1] = PTE for physical address a2 with flags a3 */
map:
        srli a2, a2, 12
        slli a2, a2, 10
        or a2, a2, a3
        slli a1, a1, 3
        add a1, a1, a0
        sd a2, 0(a1)
        ret

/* zero the 4 KiB page at a0 */
clear_page:
        li a1, 4096
        add a1, a1, a0
1:      sd zero, 0(a0)
        addi a0, a0, 8
        bltu a0, a1, 1b
        ret

/* root2 -> l1_low2 -> l02: copies of root, l1_low and l0, but for
   VA_REMAP, which maps page_b */
build_second_address_space:
        mv s1, ra
        lla a0, root2
        lla a1, root
        call copy_page
        lla a0, l1_low2
        lla a1, l1_low
        call copy_page
        lla a0, l02
        lla a1, l0
        call copy_page
        lla a0, root2
        li a1, 0
        lla a2, l1_low2
        li a3, PTE_V
        call map
        lla a0, l1_low2
        li a1, 0
        lla a2, l02
        call map
        lla a0, l02
        li a1, VA_REMAP >> 12
        lla a2, page_b
        li a3, PTE_V | PTE_R | PTE_W | PTE_A | PTE_D
        call map
        mv ra, s1
        ret

/* copy the 4 KiB page at a1 to a0 */
copy_page:
        li a2, 4096
        add a2, a2, a0
1:      ld a3, 0(a1)
        sd a3, 0(a0)
        addi a0, a0, 8
        addi a1, a1, 8
        bltu a0, a2, 1b
        ret

build_page_tables:
        mv s1, ra
        lla a0, root
        call clear_page
        lla a0, l1_mid
        call clear_page
        lla a0, l1_low
        call clear_page
        lla a0, l0
        call clear_page
        /* root: two tables, then three 1 GiB superpages onto RAM */
        lla a0, root
        li a1, 0
        lla a2, l1_low
        li a3, PTE_V
        call map
        li a1, 1
        lla a2, l1_mid
        call map
        li a1, 2
        li a2, RAM_BASE
        li a3, PTE_V | PTE_R | PTE_W | PTE_X | PTE_A | PTE_D
        call map
        li a1, 3
        li a2, RAM_BASE
        li a3, PTE_V | PTE_R | PTE_W | PTE_X | PTE_U | PTE_A | PTE_D
        call map
        li a1, 4
        li a2, RAM_BASE
        li a3, PTE_V | PTE_R | PTE_A
        call map
        /* 2 MiB superpages: RAM, and one whose PPN[0] is not zero */
        lla a0, l1_mid
        li a1, 0
        li a2, RAM_BASE
        li a3, PTE_V | PTE_R | PTE_W | PTE_A | PTE_D
        call map
        li a1, 1
        li a2, RAM_BASE + 0x1000
        call map
        /* 4 KiB pages */
        lla a0, l1_low
        li a1, 0
        lla a2, l0
        li a3, PTE_V
        call map
        MAP_4K VA_RW >> 12,     page_a, PTE_V | PTE_R | PTE_W | PTE_A | PTE_D
        MAP_4K VA_RO >> 12,     page_a, PTE_V | PTE_R | PTE_A
        MAP_4K VA_USER >> 12,   page_a, PTE_V | PTE_R | PTE_W | PTE_U | PTE_A | PTE_D
        MAP_4K VA_XONLY >> 12,  page_a, PTE_V | PTE_X | PTE_A
        MAP_4K VA_AD >> 12,     page_a, PTE_V | PTE_R | PTE_W
        MAP_4K VA_WONLY >> 12,  page_a, PTE_V | PTE_W | PTE_A | PTE_D
        MAP_4K VA_REMAP >> 12,  page_a, PTE_V | PTE_R | PTE_W | PTE_A | PTE_D
        MAP_4K VA_POINTER >> 12, page_a, PTE_V
        MAP_4K VA_RESERVED >> 12, page_a, PTE_V | PTE_R | PTE_W | PTE_A | PTE_D | (1 << 54)
        MAP_4K VA_SPLIT >> 12, page_c, PTE_V | PTE_R | PTE_W | PTE_A | PTE_D
        MAP_4K (VA_SPLIT >> 12) + 1, page_c, PTE_V | PTE_R | PTE_W | PTE_A | PTE_D
        lla a0, l0
        li a1, VA_NO_MEMORY >> 12
        li a2, PA_NO_MEMORY
        li a3, PTE_V | PTE_R | PTE_W | PTE_A | PTE_D
        call map
        MAP_4K VA_CODE >> 12,   code_page, PTE_V | PTE_X | PTE_A
        mv ra, s1
        ret

        .data
        .align 12
page_a: .dword VALUE_A
        .dword 0
        .dword 0
        .dword VALUE_A
        .align 12
page_b: .dword VALUE_B
        .align 12
page_c: .skip 4096
        /* addi a0, a0, 1 split over two pages, then back to the caller (t1) */
        .align 12
code_page:
        .skip 4096 - 2
        .half 0x0513
code_page_next:
        .half 0x0015
        jr t1
        /* the other second half: addi a0, a0, 2 */
        .align 12
code_page_other:
        .half 0x0025
        jr t1
        .align 12

        .bss
        .align 12
root:   .skip 4096
l1_mid: .skip 4096
l1_low: .skip 4096
l0:     .skip 4096
root2:  .skip 4096
l1_low2: .skip 4096
l02:    .skip 4096
