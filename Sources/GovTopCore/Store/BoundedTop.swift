/// Keeps the best `capacity` elements seen, in O(log capacity) per element (a binary heap whose
/// root is the worst kept element).
struct BoundedTop<Element> {
    let capacity: Int
    /// True when the first argument ranks below the second.
    let ranksBelow: (Element, Element) -> Bool
    private var heap: [Element] = []

    init(capacity: Int, ranksBelow: @escaping (Element, Element) -> Bool) {
        self.capacity = capacity
        self.ranksBelow = ranksBelow
    }

    mutating func insert(_ element: Element) {
        guard capacity > 0 else { return }
        if heap.count < capacity {
            heap.append(element)
            siftUp(heap.count - 1)
        } else if ranksBelow(heap[0], element) {
            heap[0] = element
            siftDown(0)
        }
    }

    /// The kept elements, best first.
    func sortedBestFirst() -> [Element] {
        heap.sorted { ranksBelow($1, $0) }
    }

    private mutating func siftUp(_ index: Int) {
        var child = index
        while child > 0 {
            let parent = (child - 1) / 2
            guard ranksBelow(heap[child], heap[parent]) else { return }
            heap.swapAt(child, parent)
            child = parent
        }
    }

    private mutating func siftDown(_ index: Int) {
        var parent = index
        while true {
            let left = 2 * parent + 1, right = left + 1
            var worst = parent
            if left < heap.count, ranksBelow(heap[left], heap[worst]) { worst = left }
            if right < heap.count, ranksBelow(heap[right], heap[worst]) { worst = right }
            if worst == parent { return }
            heap.swapAt(parent, worst)
            parent = worst
        }
    }
}
