package org.chariot.emulator.mmu;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

import org.chariot.emulator.bus.AccessFault;
import org.chariot.emulator.bus.Bus;

/**
 * The hart's view of memory: virtual addresses through Sv39 (or bare), three TLBs (fetch, load,
 * store) whose hits read or write the RAM array directly, and slow paths for TLB misses, device
 * pages, accesses that cross a page, and observed pages.
 *
 * <p>A TLB tag is {@code virtual page | context << 3 | 0}; the fast path compares it with
 * {@code virtual page | context << 3 | (address & (size - 1))}, so a misaligned access misses and
 * takes the slow path, which performs it byte by byte. The context (privilege, SUM, MXR) is part
 * of the tag, so changing privilege needs no flush; changing {@code satp} flushes everything.
 */
public final class Mmu {

    private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long PAGE_MASK = Tlb.PAGE_MASK;
    private static final long OFFSET_MASK = ~PAGE_MASK;
    private static final int CONTEXT_SHIFT = 3;
    /** In the fetch context only: the last instruction came from an observed page, so the next fetch must be seen. */
    private static final long LEAVING = 1L << 10;
    /** How many fetch regions a {@link FetchObserver} may name (1 to this). */
    public static final int FETCH_REGIONS = 7;
    /** In fetch tags and the fetch context: the region of the page, or where the hart fetches now. */
    private static final int REGION_SHIFT = 7;
    private static final long REGION_MASK = 7L << REGION_SHIFT;
    private static final int SATP_MODE_SV39 = 8;

    private final Bus bus;
    private final byte[] ram;
    private final long ramBase;
    private final Sv39 sv39;
    private final Tlb fetchTlb = new Tlb();
    /** How many load views {@link #selectLoadView} chooses from: 0 unchecked, 1 checked by the load observer. */
    public static final int LOAD_VIEWS = 2;
    private static final int CHECKED_LOAD_VIEW = 1;
    private final Tlb[] loadViews = {new Tlb(), new Tlb()};
    private Tlb loadTlb = loadViews[0];
    /** How many store views {@link #selectStoreView} chooses from. */
    public static final int STORE_VIEWS = 3;
    private static final StoreObserver[] NO_OBSERVERS = {};

    /** Store TLBs, one per view: an observer's interest may depend on who runs (the driver, the kernel for it, ...). */
    private final Tlb[] storeViews = {new Tlb(), new Tlb(), new Tlb()};
    private Tlb storeTlb = storeViews[0];

    private long satp;
    private long rootPpn;
    private int fetchPrivilege = Privilege.MACHINE;
    private int dataPrivilege = Privilege.MACHINE;
    private boolean sum;
    private boolean mxr;
    private long fetchContext = contextBits(Privilege.MACHINE, false, false);
    private long dataContext = fetchContext;
    private boolean leavingObservedPage;
    /** The fetch region the hart executes in now (0: none). */
    private long fetchRegion;
    /** Set by {@link #translate}: whether the page just translated is watched by an observer. */
    private boolean observedPage;
    /** Set by {@link #translate} for a fetch: the fetch region of the page just translated. */
    private long pageRegion;

    /** Asked in order; the first that does not let a store land decides (Spike's memtracer list). */
    private StoreObserver[] storeObservers = NO_OBSERVERS;
    private FetchObserver fetchObserver;
    private LoadObserver loadObserver;

    public Mmu(Bus bus) {
        this.bus = bus;
        this.ram = bus.ram().bytes();
        this.ramBase = bus.ramBase();
        this.sv39 = new Sv39(bus);
    }

    /**
     * Sets what translation depends on. {@code dataPrivilege} differs from {@code fetchPrivilege}
     * when M-mode sets MPRV. A changed {@code satp} flushes all TLBs.
     */
    public void setContext(int fetchPrivilege, int dataPrivilege, boolean sum, boolean mxr, long satp) {
        if (satp != this.satp) {
            this.satp = satp;
            this.rootPpn = satp & ((1L << 44) - 1);
            flush();
        }
        this.fetchPrivilege = fetchPrivilege;
        this.dataPrivilege = dataPrivilege;
        this.sum = sum;
        this.mxr = mxr;
        this.fetchContext = contextBits(fetchPrivilege, false, false) | (leavingObservedPage ? LEAVING : 0)
                | fetchRegion << REGION_SHIFT;
        this.dataContext = contextBits(dataPrivilege, sum, mxr);
    }

    private static long contextBits(int privilege, boolean sum, boolean mxr) {
        return (long) (privilege | (sum ? 4 : 0) | (mxr ? 8 : 0)) << CONTEXT_SHIFT;
    }

    /** {@code sfence.vma} without an address, or a change that invalidates every translation. */
    public void flush() {
        fetchTlb.flushAll();
        for (Tlb view : loadViews) {
            view.flushAll();
        }
        flushStoreViews();
    }

    /** {@code sfence.vma} with an address. */
    public void flushPage(long virtualAddress) {
        fetchTlb.flushPage(virtualAddress);
        for (Tlb view : loadViews) {
            view.flushPage(virtualAddress);
        }
        for (Tlb view : storeViews) {
            view.flushPage(virtualAddress);
        }
    }

    private void flushStoreViews() {
        for (Tlb view : storeViews) {
            view.flushAll();
        }
    }

    /**
     * Switches between the store-TLB views (0 to {@link #STORE_VIEWS} - 1) without flushing any: a
     * store observer whose interest depends on context (say, "the driver is running") gets asked
     * separately for each view, and a context switch costs one field write instead of a flush.
     */
    public void selectStoreView(int view) {
        storeTlb = storeViews[view];
    }

    /** Adds {@code observer} after those already installed: it decides only stores they all let land. */
    public void addStoreObserver(StoreObserver observer) {
        install(observer, storeObservers.length);
    }

    /** Adds {@code observer} before those already installed (a debugger's watchpoints, which stop before any check). */
    public void addStoreObserverFirst(StoreObserver observer) {
        install(observer, 0);
    }

    private void install(StoreObserver observer, int position) {
        StoreObserver[] more = new StoreObserver[storeObservers.length + 1];
        System.arraycopy(storeObservers, 0, more, 0, position);
        more[position] = observer;
        System.arraycopy(storeObservers, position, more, position + 1, storeObservers.length - position);
        storeObservers = more;
        storeObserverChanged();
    }

    /** Removes {@code observer} if installed. */
    public void removeStoreObserver(StoreObserver observer) {
        storeObservers = Arrays.stream(storeObservers).filter(o -> o != observer)
                .toArray(StoreObserver[]::new);
        storeObserverChanged();
    }

    /** Whether any store observer is installed. */
    public boolean hasStoreObservers() {
        return storeObservers.length > 0;
    }

    /**
     * Whether any fetch, store or load observer is installed (the isolation monitor, coverage,
     * watchpoints): they read the hart's pc and may change what an instruction does, so the hart
     * then interprets every instruction instead of running translated code.
     */
    public boolean observed() {
        return fetchObserver != null || storeObservers.length > 0 || loadObserver != null;
    }

    /** The store observer's interests changed: its pages must be asked again. */
    public void storeObserverChanged() {
        flushStoreViews();
    }

    /**
     * Installs (or, with null, removes) the one load observer. It is asked only while the checked
     * load view is selected: {@link #selectLoadView}(1).
     */
    public void setLoadObserver(LoadObserver observer) {
        this.loadObserver = observer;
        loadObserverChanged();
    }

    /** The load observer's interests changed: its pages must be asked again (only the checked view holds them). */
    public void loadObserverChanged() {
        if (loadObserver != null) {
            loadViews[CHECKED_LOAD_VIEW].flushAll();
        }
    }

    /** Whether a load observer is installed. */
    public boolean hasLoadObserver() {
        return loadObserver != null;
    }

    /** Switches between the load-TLB views (0 to {@link #LOAD_VIEWS} - 1) without flushing either. */
    public void selectLoadView(int view) {
        loadTlb = loadViews[view];
    }

    /** The installed fetch observer, or null. */
    public FetchObserver fetchObserver() {
        return fetchObserver;
    }

    /** Installs (or, with null, removes) the one fetch observer. */
    public void setFetchObserver(FetchObserver observer) {
        this.fetchObserver = observer;
        fetchObserverChanged();
    }

    /** The fetch observer's interests changed: its pages must be asked again. */
    public void fetchObserverChanged() {
        fetchTlb.flushAll();
    }

    // ---- instruction fetch

    /** The instruction at {@code pc}: 32 bits, or a compressed instruction in the low 16 bits. */
    public int fetch(long pc) throws MemoryFault {
        int i = Tlb.index(pc);
        if (fetchTlb.tags[i] == ((pc & PAGE_MASK) | fetchContext) && (pc & OFFSET_MASK) <= 0xffc) {
            int bits = (int) INT.get(ram, (int) (pc + fetchTlb.addends[i]));
            return (bits & 3) == 3 ? bits : bits & 0xffff;
        }
        return fetchSlow(pc);
    }

    /**
     * Where in RAM the instruction at {@code pc} is, if fetching it now takes the fast path (an
     * unobserved RAM page, translated in the current context), else -1. Translated code runs only
     * where this holds, so an observer never misses a fetch it asked to see.
     */
    public long plainFetchAddress(long pc) {
        int i = Tlb.index(pc);
        if (fetchTlb.tags[i] == ((pc & PAGE_MASK) | fetchContext)) {
            return pc + fetchTlb.addends[i] + ramBase;
        }
        return -1;
    }

    private int fetchSlow(long pc) throws MemoryFault {
        long context = fetchContext & ~(LEAVING | REGION_MASK);
        long physical = translate(pc, AccessType.FETCH, fetchTlb, context);
        boolean observed = observedPage;
        long region = pageRegion;
        int low = (int) physicalLoad(physical, 2, AccessType.FETCH, pc);
        int bits = low;
        if ((low & 3) == 3) {
            long upper = (pc & OFFSET_MASK) == 0xffe ? translate(pc + 2, AccessType.FETCH, fetchTlb, context)
                    : physical + 2;
            bits |= (int) physicalLoad(upper, 2, AccessType.FETCH, pc + 2) << 16;
        }
        if (observed || leavingObservedPage || region != fetchRegion) {
            leavingObservedPage = observed;
            fetchRegion = region;
            fetchContext = context | (observed ? LEAVING : 0) | region << REGION_SHIFT;
            return fetchObserver.onFetch(pc, bits);
        }
        return bits;
    }

    // ---- loads (values zero-extended)

    public long load8(long va) throws MemoryFault {
        int i = Tlb.index(va);
        if (loadTlb.tags[i] == ((va & PAGE_MASK) | dataContext)) {
            return ram[(int) (va + loadTlb.addends[i])] & 0xffL;
        }
        return loadSlow(va, 1);
    }

    public long load16(long va) throws MemoryFault {
        int i = Tlb.index(va);
        if (loadTlb.tags[i] == ((va & PAGE_MASK) | (va & 1) | dataContext)) {
            return (short) SHORT.get(ram, (int) (va + loadTlb.addends[i])) & 0xffffL;
        }
        return loadSlow(va, 2);
    }

    public long load32(long va) throws MemoryFault {
        int i = Tlb.index(va);
        if (loadTlb.tags[i] == ((va & PAGE_MASK) | (va & 3) | dataContext)) {
            return (int) INT.get(ram, (int) (va + loadTlb.addends[i])) & 0xffff_ffffL;
        }
        return loadSlow(va, 4);
    }

    public long load64(long va) throws MemoryFault {
        int i = Tlb.index(va);
        if (loadTlb.tags[i] == ((va & PAGE_MASK) | (va & 7) | dataContext)) {
            return (long) LONG.get(ram, (int) (va + loadTlb.addends[i]));
        }
        return loadSlow(va, 8);
    }

    private long loadSlow(long va, int size) throws MemoryFault {
        if (crossesPage(va, size)) {
            long value = 0;
            for (int k = 0; k < size; k++) {
                value |= loadSlow(va + k, 1) << (8 * k);
            }
            return value;
        }
        long physical = translate(va, AccessType.LOAD, loadTlb, dataContext);
        if (observedPage) {
            loadObserver.beforeLoad(va, size);
        }
        return physicalLoad(physical, size, AccessType.LOAD, va);
    }

    // ---- stores

    public void store8(long va, long value) throws MemoryFault {
        int i = Tlb.index(va);
        if (storeTlb.tags[i] == ((va & PAGE_MASK) | dataContext)) {
            ram[(int) (va + storeTlb.addends[i])] = (byte) value;
            return;
        }
        storeSlow(va, 1, value);
    }

    public void store16(long va, long value) throws MemoryFault {
        int i = Tlb.index(va);
        if (storeTlb.tags[i] == ((va & PAGE_MASK) | (va & 1) | dataContext)) {
            SHORT.set(ram, (int) (va + storeTlb.addends[i]), (short) value);
            return;
        }
        storeSlow(va, 2, value);
    }

    public void store32(long va, long value) throws MemoryFault {
        int i = Tlb.index(va);
        if (storeTlb.tags[i] == ((va & PAGE_MASK) | (va & 3) | dataContext)) {
            INT.set(ram, (int) (va + storeTlb.addends[i]), (int) value);
            return;
        }
        storeSlow(va, 4, value);
    }

    public void store64(long va, long value) throws MemoryFault {
        int i = Tlb.index(va);
        if (storeTlb.tags[i] == ((va & PAGE_MASK) | (va & 7) | dataContext)) {
            LONG.set(ram, (int) (va + storeTlb.addends[i]), value);
            return;
        }
        storeSlow(va, 8, value);
    }

    /** Stores {@code size} (1, 2, 4 or 8) bytes: the slow path, also the way for callers with a variable size. */
    public void store(long va, int size, long value) throws MemoryFault {
        storeSlow(va, size, value);
    }

    private void storeSlow(long va, int size, long value) throws MemoryFault {
        long physical;
        try {
            physical = translate(va, AccessType.STORE, storeTlb, dataContext);
        } catch (MemoryFault fault) {
            if (faultingStoreDropped(va, size, value, fault)) {
                return;
            }
            throw fault;
        }
        boolean observed = observedPage;
        if (!crossesPage(va, size)) {
            if (!observed || approved(va, physical, size, value)) {
                physicalStore(physical, size, value, va);
            }
            return;
        }
        long last = va + size - 1;
        long lastPhysical;
        try {
            lastPhysical = translate(last, AccessType.STORE, storeTlb, dataContext);
        } catch (MemoryFault fault) {
            if (faultingStoreDropped(va, size, value, fault)) {
                return;
            }
            throw fault;
        }
        if ((observed || observedPage) && !approved(va, physical, size, value)) {
            return;
        }
        for (int k = 0; k < size; k++) {
            long address = va + k;
            long target = (address & PAGE_MASK) == (va & PAGE_MASK) ? physical + k : lastPhysical - (last - address);
            physicalStore(target, 1, value >>> (8 * k), address);
        }
    }

    private boolean approved(long va, long physical, int size, long value) {
        for (StoreObserver observer : storeObservers) {
            switch (observer.beforeStore(va, physical, size, value)) {
                case COMMIT -> { }
                case DROP -> {
                    return false;
                }
                case HALT -> throw new StoreHalted(va);
            }
        }
        return true;
    }

    /** True if an observer drops a store that is about to fault; false lets the fault be taken. */
    private boolean faultingStoreDropped(long va, int size, long value, MemoryFault fault) {
        for (StoreObserver observer : storeObservers) {
            switch (observer.beforeFaultingStore(va, size, value, fault)) {
                case COMMIT -> { }
                case DROP -> {
                    return true;
                }
                case HALT -> throw new StoreHalted(va);
            }
        }
        return false;
    }

    // ---- atomics

    /**
     * Loads the old value of an atomic memory operation or store-conditional: the address must be
     * aligned (else a store/AMO misaligned exception) and writable (else a store page fault).
     */
    public long loadForUpdate(long va, int size) throws MemoryFault {
        requireAligned(va, size, AccessType.STORE);
        return physicalLoad(translate(va, AccessType.STORE, storeTlb, dataContext), size, AccessType.STORE, va);
    }

    /** Raises the misaligned exception of {@code type} if {@code va} is not a multiple of {@code size}. */
    public void requireAligned(long va, int size, AccessType type) throws MemoryFault {
        if ((va & (size - 1)) != 0) {
            throw new MemoryFault(type.misalignedCause(), va);
        }
    }

    /** Loads {@code size} bytes zero-extended: for load-reserved, with a variable size. */
    public long load(long va, int size) throws MemoryFault {
        return loadSlow(va, size);
    }

    // ---- debugger access: no TLB fill, no A/D update

    /**
     * The physical address of {@code va} as the hart's current data accesses see it, but with
     * every mapped page readable (SUM and MXR on), leaving A/D bits and TLBs untouched.
     */
    public long debugTranslate(long va) throws MemoryFault {
        if (!translates(dataPrivilege)) {
            return va;
        }
        long page = sv39.walk(rootPpn, va, AccessType.LOAD, 1, true, true, false);
        return page | (va & OFFSET_MASK);
    }

    /**
     * Whether the supervisor may write {@code va} through the page table rooted at physical address
     * {@code rootTable} (say, the kernel's reference table, which a fault on a kernel address
     * synchronises from), leaving A/D bits and TLBs untouched.
     */
    public boolean supervisorWritable(long rootTable, long va) {
        try {
            sv39.walk(rootTable >>> 12, va, AccessType.STORE, 1, false, false, false);
            return true;
        } catch (MemoryFault e) {
            return false;
        }
    }

    // ---- the slow path's common parts

    private boolean translates(int privilege) {
        return privilege < Privilege.MACHINE && (satp >>> 60) == SATP_MODE_SV39;
    }

    private static boolean crossesPage(long va, int size) {
        return ((va ^ (va + size - 1)) & PAGE_MASK) != 0;
    }

    /** The physical address of {@code va}; fills {@code tlb} for RAM pages and sets {@link #observedPage}. */
    private long translate(long va, AccessType type, Tlb tlb, long context) throws MemoryFault {
        int i = Tlb.index(va);
        long key = (va & PAGE_MASK) | context;
        long tag = tlb.tags[i];
        if ((tag & ~(Tlb.CHECK | REGION_MASK)) == key) {
            observedPage = (tag & Tlb.CHECK) != 0;
            pageRegion = (tag & REGION_MASK) >>> REGION_SHIFT;
            return va + tlb.addends[i] + ramBase;
        }
        int privilege = type == AccessType.FETCH ? fetchPrivilege : dataPrivilege;
        boolean translated = translates(privilege);
        long page = translated ? sv39.walk(rootPpn, va, type, privilege, sum, mxr, true) : va & PAGE_MASK;
        observedPage = isObserved(type, va & PAGE_MASK, page);
        pageRegion = type == AccessType.FETCH && !observedPage && fetchObserver != null
                ? Math.min(Math.max(fetchObserver.region(va & PAGE_MASK), 0), FETCH_REGIONS) : 0;
        if (bus.isRam(page, 1 << Tlb.PAGE_BITS)) {
            long addend = page - ramBase - (va & PAGE_MASK);
            tlb.fill(va, key | (observedPage ? Tlb.CHECK : 0) | pageRegion << REGION_SHIFT, addend,
                    translated && sv39.lastWasSuperpage());
        }
        return page | (va & OFFSET_MASK);
    }

    private boolean isObserved(AccessType type, long virtualPage, long physicalPage) {
        return switch (type) {
            case FETCH -> fetchObserver != null && fetchObserver.interested(virtualPage, physicalPage);
            case STORE -> storeInterest(virtualPage, physicalPage);
            case LOAD -> loadObserver != null && loadTlb == loadViews[CHECKED_LOAD_VIEW]
                    && loadObserver.interested(virtualPage, physicalPage);
        };
    }

    private boolean storeInterest(long virtualPage, long physicalPage) {
        for (StoreObserver observer : storeObservers) {
            if (observer.interested(virtualPage, physicalPage)) {
                return true;
            }
        }
        return false;
    }

    private long physicalLoad(long physical, int size, AccessType type, long va) throws MemoryFault {
        if (bus.isRam(physical, size)) {
            int index = (int) (physical - ramBase);
            return switch (size) {
                case 1 -> ram[index] & 0xffL;
                case 2 -> (short) SHORT.get(ram, index) & 0xffffL;
                case 4 -> (int) INT.get(ram, index) & 0xffff_ffffL;
                default -> (long) LONG.get(ram, index);
            };
        }
        try {
            return bus.load(physical, size);
        } catch (AccessFault e) {
            throw new MemoryFault(type.accessFaultCause(), va);
        }
    }

    private void physicalStore(long physical, int size, long value, long va) throws MemoryFault {
        try {
            bus.store(physical, size, value);
        } catch (AccessFault e) {
            throw new MemoryFault(AccessType.STORE.accessFaultCause(), va);
        }
    }
}
