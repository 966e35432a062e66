package certrenewal.adapters.persistence;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

@MappedEntity("contract")
record ContractRow(@Id String number, String name) {
}
