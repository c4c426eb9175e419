-- An offer's answer is written to its decision by (order, attempt). With only (order_no, decided_at) and the partial
-- (chosen, decided_at) index, the planner picked the smaller partial index for that update and scanned every decision
-- of the merchant: 0.7 ms per answer in the orders benchmark, the costliest statement of an order. Both
-- equality columns in one index make the choice obvious; reads by order use it as well.
CREATE INDEX dispatch_decision_order_attempt ON dispatch_decision (order_no, attempt);
DROP INDEX dispatch_decision_order;
