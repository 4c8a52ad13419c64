// Package heapfloor paces the garbage collector of a batch job whose live
// heap is small beside the garbage it makes: it lets the heap grow to a
// fixed floor before collecting, so the collector runs a few times less
// often, and collects as the default setting (GOGC=100) does once the live
// heap is large enough for that to use more memory than the floor.
package heapfloor
