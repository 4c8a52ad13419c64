package store

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"os"
	"strconv"
	"strings"
)

// Bolt's file layout (github.com/boltdb/bolt, format version 2): pages of
// pageSize bytes, each starting with a 16-byte header; pages 0 and 1 hold
// the two meta pages, written in turn, each with a checksum.
const (
	boltMagic       = 0xED0CDAED
	boltVersion     = 2
	boltHeader      = 16 // page id u64, flags u16, count u16, overflow u32
	boltElement     = 16 // branch: pos, ksize u32, pgid u64; leaf: flags, pos, ksize, vsize u32
	boltBranch      = 0x01
	boltLeaf        = 0x02
	boltMeta        = 0x04
	boltFreelist    = 0x10
	boltBucketValue = 0x01 // a leaf element holding a bucket
	boltMetaSize    = 64   // magic .. checksum, without the page header
)

// boltMetaPage is a meta page as bolt writes it.
type boltMetaPage struct {
	pageSize uint32
	root     uint64 // the root bucket's page
	freelist uint64
	pgid     uint64 // the high-water mark: pages in use are below it
	txid     uint64
}

func parseBoltMeta(b []byte) (boltMetaPage, error) {
	if len(b) < boltHeader+boltMetaSize {
		return boltMetaPage{}, errors.New("meta page cut short")
	}
	if binary.LittleEndian.Uint16(b[8:])&boltMeta == 0 {
		return boltMetaPage{}, errors.New("no meta page where one belongs")
	}
	m := b[boltHeader:]
	le := binary.LittleEndian
	if le.Uint32(m) != boltMagic {
		return boltMetaPage{}, errors.New("not a bolt file (bad magic number)")
	}
	if le.Uint32(m[4:]) != boltVersion {
		return boltMetaPage{}, fmt.Errorf("bolt format version %d, want %d", le.Uint32(m[4:]), boltVersion)
	}
	if sum := le.Uint64(m[56:]); sum != 0 {
		h := fnv.New64a()
		h.Write(m[:56])
		if h.Sum64() != sum {
			return boltMetaPage{}, errors.New("meta page checksum mismatch")
		}
	}
	return boltMetaPage{pageSize: le.Uint32(m[8:]), root: le.Uint64(m[16:]), freelist: le.Uint64(m[32:]),
		pgid: le.Uint64(m[40:]), txid: le.Uint64(m[48:])}, nil
}

// checkBoltFile reads a bolt file's structure before bolt maps it: the meta
// pages, the file's length against the pages in use, and every page of the
// bucket tree (page ids, types, element bounds) and of the freelist. Bolt
// trusts all of these: a file cut short faults when a missing page is read,
// and a damaged page panics. Keys and values themselves carry no checksum
// and are not checked. It reads each page in use once; with full unset, it
// checks the meta pages and the length alone.
func checkBoltFile(path string, full bool) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return err
	}
	size := fi.Size()
	if size == 0 {
		return damaged("%s is empty", path)
	}
	m, pageSize, err := newestMeta(f)
	if err != nil {
		return damaged("%s: %v", path, err)
	}
	if m.pageSize < 512 || m.pageSize&(m.pageSize-1) != 0 || int64(m.pageSize) != pageSize {
		return damaged("%s: page size %d", path, m.pageSize)
	}
	if need := int64(m.pgid) * pageSize; m.pgid < 2 || need > size {
		return damaged("%s is cut short: %d bytes, its %d pages need %d", path, size, m.pgid, need)
	}
	if !full {
		return nil
	}
	c := boltChecker{f: f, pageSize: pageSize, pages: m.pgid, seen: make([]bool, m.pgid)}
	if err := c.freelist(m.freelist); err != nil {
		return damaged("%s: %v", path, err)
	}
	if err := c.tree(m.root); err != nil {
		return damaged("%s: %v", path, err)
	}
	return nil
}

type boltChecker struct {
	f        io.ReaderAt
	pageSize int64
	pages    uint64
	seen     []bool // pages reached, to stop at a cycle
	buf      []byte
}

// page reads page id with its overflow pages and checks its header.
func (c *boltChecker) page(id uint64, want uint16) ([]byte, error) {
	if id < 2 || id >= c.pages {
		return nil, fmt.Errorf("page %d out of range (2 to %d)", id, c.pages-1)
	}
	if c.seen[id] {
		return nil, fmt.Errorf("page %d reached twice", id)
	}
	c.seen[id] = true
	hdr := make([]byte, boltHeader)
	if _, err := c.f.ReadAt(hdr, int64(id)*c.pageSize); err != nil {
		return nil, fmt.Errorf("page %d: %w", id, err)
	}
	le := binary.LittleEndian
	if got := le.Uint64(hdr); got != id {
		return nil, fmt.Errorf("page %d carries the id %d", id, got)
	}
	if flags := le.Uint16(hdr[8:]); flags&want == 0 || flags&^(boltBranch|boltLeaf|boltMeta|boltFreelist) != 0 {
		return nil, fmt.Errorf("page %d has type %#x", id, flags)
	}
	overflow := uint64(le.Uint32(hdr[12:]))
	if id+overflow >= c.pages {
		return nil, fmt.Errorf("page %d overflows past the last page", id)
	}
	for o := id + 1; o <= id+overflow; o++ {
		c.seen[o] = true
	}
	n := int64(overflow+1) * c.pageSize
	if int64(cap(c.buf)) < n {
		c.buf = make([]byte, n)
	}
	b := c.buf[:n]
	if _, err := c.f.ReadAt(b, int64(id)*c.pageSize); err != nil {
		return nil, fmt.Errorf("page %d: %w", id, err)
	}
	return b, nil
}

func (c *boltChecker) freelist(id uint64) error {
	b, err := c.page(id, boltFreelist)
	if err != nil {
		return fmt.Errorf("freelist: %w", err)
	}
	le := binary.LittleEndian
	count, start := uint64(le.Uint16(b[10:])), uint64(boltHeader)
	if count == 0xFFFF {
		count, start = le.Uint64(b[boltHeader:]), boltHeader+8
	}
	if start+8*count > uint64(len(b)) {
		return fmt.Errorf("freelist page %d: %d ids do not fit", id, count)
	}
	for i := uint64(0); i < count; i++ {
		if free := le.Uint64(b[start+8*i:]); free < 2 || free >= c.pages {
			return fmt.Errorf("freelist page %d: free page %d out of range", id, free)
		}
	}
	return nil
}

// tree checks the pages of the bucket whose root is page id, and of the
// buckets nested in it.
func (c *boltChecker) tree(id uint64) error {
	stack := []uint64{id}
	for len(stack) > 0 {
		id := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		b, err := c.page(id, boltBranch|boltLeaf)
		if err != nil {
			return err
		}
		var buckets []uint64
		if binary.LittleEndian.Uint16(b[8:])&boltBranch != 0 {
			buckets, err = branchChildren(b, id)
		} else {
			buckets, err = leafBuckets(b, id)
		}
		if err != nil {
			return err
		}
		stack = append(stack, buckets...)
	}
	return nil
}

// branchChildren checks a branch page's elements and returns its children.
func branchChildren(b []byte, id uint64) ([]uint64, error) {
	le := binary.LittleEndian
	count := int(le.Uint16(b[10:]))
	if count == 0 || boltHeader+count*boltElement > len(b) {
		return nil, fmt.Errorf("branch page %d: %d elements do not fit", id, count)
	}
	children := make([]uint64, count)
	for i := range count {
		e := boltHeader + i*boltElement
		pos, ksize := int(le.Uint32(b[e:])), int(le.Uint32(b[e+4:]))
		if e+pos+ksize > len(b) || e+pos+ksize < e {
			return nil, fmt.Errorf("branch page %d: element %d lies outside the page", id, i)
		}
		children[i] = le.Uint64(b[e+8:])
	}
	return children, nil
}

// leafBuckets checks a leaf page's elements (b may be a bucket stored inline
// in its parent's value) and returns the root pages of the buckets it holds.
func leafBuckets(b []byte, id uint64) ([]uint64, error) {
	le := binary.LittleEndian
	if len(b) < boltHeader {
		return nil, fmt.Errorf("leaf page %d: inline bucket cut short", id)
	}
	count := int(le.Uint16(b[10:]))
	if boltHeader+count*boltElement > len(b) {
		return nil, fmt.Errorf("leaf page %d: %d elements do not fit", id, count)
	}
	var roots []uint64
	for i := range count {
		e := boltHeader + i*boltElement
		flags, pos := le.Uint32(b[e:]), int(le.Uint32(b[e+4:]))
		ksize, vsize := int(le.Uint32(b[e+8:])), int(le.Uint32(b[e+12:]))
		end := e + pos + ksize + vsize
		if end > len(b) || end < e {
			return nil, fmt.Errorf("leaf page %d: element %d lies outside the page", id, i)
		}
		if flags&boltBucketValue == 0 {
			continue
		}
		v := b[e+pos+ksize : end]
		if len(v) < 16 {
			return nil, fmt.Errorf("leaf page %d: bucket %d cut short", id, i)
		}
		if root := le.Uint64(v); root != 0 {
			roots = append(roots, root)
			continue
		}
		inline := v[16:]
		if len(inline) >= boltHeader && le.Uint16(inline[8:])&boltLeaf == 0 {
			return nil, fmt.Errorf("leaf page %d: inline bucket %d has type %#x", id, i, le.Uint16(inline[8:]))
		}
		nested, err := leafBuckets(inline, id)
		if err != nil {
			return nil, err
		}
		if len(nested) > 0 {
			return nil, fmt.Errorf("leaf page %d: inline bucket %d holds buckets", id, i)
		}
	}
	return roots, nil
}

// Walking every page costs a read of the whole file: seconds for a store
// of the whole archive, at every Open. A store whose file is as it was when
// last walked, or as bolt left it when a writer closed it, is not walked
// again: beside the file, a record (checkedSuffix) keeps its size,
// modification time and transaction id, and a file whose three still match
// is trusted. Any write to the file, by bolt or otherwise, changes its
// modification time.
const checkedSuffix = ".checked"

// fileState is what the check record keeps of a bolt file, or "" when the
// file cannot be read.
func fileState(path string) string {
	f, err := os.Open(path)
	if err != nil {
		return ""
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return ""
	}
	m, _, err := newestMeta(f)
	if err != nil {
		return ""
	}
	return fmt.Sprintf("%d %d %d", fi.Size(), fi.ModTime().UnixNano(), m.txid)
}

// newestMeta reads the two meta pages of a bolt file and returns the newer
// valid one, and the page size to read the file's pages with.
func newestMeta(f io.ReaderAt) (boltMetaPage, int64, error) {
	head := make([]byte, boltHeader+boltMetaSize)
	read := func(off int64) []byte {
		if _, err := f.ReadAt(head, off); err != nil {
			return nil
		}
		return head
	}
	m0, err0 := parseBoltMeta(read(0))
	pageSize := int64(m0.pageSize)
	if err0 != nil {
		pageSize = int64(os.Getpagesize())
	}
	m1, err1 := parseBoltMeta(read(pageSize))
	switch {
	case err0 != nil && err1 != nil:
		return boltMetaPage{}, 0, err0
	case err0 != nil, err1 == nil && m1.txid > m0.txid:
		return m1, pageSize, nil
	}
	return m0, pageSize, nil
}

// checkedAlready reports whether the bolt file at path was walked, or
// written by bolt, in its present state.
func checkedAlready(path string) bool {
	rec, err := os.ReadFile(path + checkedSuffix)
	if err != nil {
		return false
	}
	state := fileState(path)
	return state != "" && strings.TrimSpace(string(rec)) == state
}

// recordChecked writes the check record of the bolt file at path. A store
// that cannot be written (a read-only copy) keeps none, and is walked at
// every Open.
func recordChecked(path string) {
	state := fileState(path)
	if state == "" {
		return
	}
	tmp := path + checkedSuffix + "." + strconv.Itoa(os.Getpid())
	if err := os.WriteFile(tmp, []byte(state+"\n"), 0o600); err != nil {
		return
	}
	if err := os.Rename(tmp, path+checkedSuffix); err != nil {
		os.Remove(tmp)
	}
}
